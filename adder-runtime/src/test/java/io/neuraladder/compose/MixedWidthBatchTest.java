package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's batched {@code BigInteger} sums (its {@code BigIntegerRuns}) on a batch of mixed
 * widths in shuffled order, on the bundled certified adder: the pairs are run in order of width, in runs split where padding would cost more than a
 * run, some as rows and some in chunks, and every sum must come back to its own index.
 */
class MixedWidthBatchTest {

    @Test
    void mixedWidthsInAnyOrder_eachSumAtItsIndex() {
        long seed = AddExactProperty.seed();
        Random random = new Random(seed);
        List<BigInteger[]> pairs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int bits = 1 + random.nextInt(140);
            pairs.add(new BigInteger[] {signed(bits, random), signed(1 + random.nextInt(bits), random)});
        }
        for (int bits : new int[] {255, 256, 300, 700, 2_049, 5_000}) {
            for (int k = 0; k < 3; k++) {
                pairs.add(new BigInteger[] {signed(bits, random), signed(bits, random)});
            }
            BigInteger ones = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            pairs.add(new BigInteger[] {ones, BigInteger.ONE});
        }
        Collections.shuffle(pairs, random);
        BigInteger[] a = pairs.stream().map(p -> p[0]).toArray(BigInteger[]::new);
        BigInteger[] b = pairs.stream().map(p -> p[1]).toArray(BigInteger[]::new);
        try (ReloadableAdder adder = (ReloadableAdder) NeuralAdder.open(ShippedModels.DEFAULT)) {
            BigInteger[] sums = adder.engine().call(engine -> engine.exact(a, b));
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i].add(b[i]), sums[i], "pair " + i + " (seed " + seed + ")");
            }
        }
    }

    private static BigInteger signed(int bits, Random random) {
        BigInteger x = new BigInteger(bits, random);
        return random.nextBoolean() ? x.negate() : x;
    }
}
