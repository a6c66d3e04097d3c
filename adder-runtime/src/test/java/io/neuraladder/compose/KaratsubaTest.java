package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.engine.OperatorEngine;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Karatsuba} on its own, on the bundled certified adder, against {@link BigInteger#multiply}:
 * factors just below, at and above the split width and several levels above it, both signs, zero,
 * powers of two, all-ones halves (whose half sums carry into an extra bit) and unbalanced pairs,
 * all in one batched call. A miswired variant, whose adder drops each sum's carry out of the wider
 * operand's width (the classic bug of an {@code m}-bit middle sum), is caught by the same factors.
 */
class KaratsubaTest {

    @Test
    void products_agreeWithBigInteger() {
        assertEquals(0, wrong(false));
    }

    @Test
    void middleSumsWithoutTheirCarry_areCaught() {
        assertTrue(wrong(true) > 0, "sums cut to their operands' width multiply wrongly, and the check sees it");
    }

    private static int wrong(boolean dropCarries) {
        List<BigInteger[]> pairs = pairs();
        BigInteger[] x = pairs.stream().map(p -> p[0]).toArray(BigInteger[]::new);
        BigInteger[] y = pairs.stream().map(p -> p[1]).toArray(BigInteger[]::new);
        try (ReloadableAdder adder = (ReloadableAdder) NeuralAdder.open(ShippedModels.DEFAULT)) {
            BigInteger[] products = adder.engine().call(engine ->
                    Karatsuba.products(dropCarries ? new CarryDropping(engine) : engine, x, y));
            int wrong = 0;
            for (int i = 0; i < x.length; i++) {
                if (!products[i].equals(x[i].multiply(y[i]))) {
                    wrong++;
                }
            }
            System.out.printf("Karatsuba%s: %d of %d products wrong (seed %d)%n", dropCarries ? " miswired" : "",
                    wrong, x.length, AddExactProperty.seed());
            return wrong;
        }
    }

    private static List<BigInteger[]> pairs() {
        Random random = new Random(AddExactProperty.seed());
        List<BigInteger[]> pairs = new ArrayList<>();
        int split = Karatsuba.SPLIT_ABOVE_BITS;
        for (int bits : new int[] {split - 1, split, split + 1, 2 * split + 3, 5 * split, 1_000, 2_049}) {
            BigInteger ones = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            BigInteger power = BigInteger.ONE.shiftLeft(bits - 1);
            BigInteger x = new BigInteger(bits, random).setBit(bits - 1);
            BigInteger y = new BigInteger(bits, random).setBit(bits - 1);
            pairs.add(new BigInteger[] {ones, ones});
            pairs.add(new BigInteger[] {ones.negate(), ones});
            pairs.add(new BigInteger[] {power, power.negate()});
            pairs.add(new BigInteger[] {x, y});
            pairs.add(new BigInteger[] {x.negate(), y.negate()});
            pairs.add(new BigInteger[] {x, new BigInteger(bits / 3 + 1, random)});
            pairs.add(new BigInteger[] {x, BigInteger.ZERO});
            pairs.add(new BigInteger[] {BigInteger.ONE.negate(), y});
        }
        return pairs;
    }

    /** The certified adder with each sum cut to its operands' width: a carry out of the top is lost. */
    private record CarryDropping(OperatorEngine engine) implements OperatorEngine {

        @Override
        public BigInteger[] exact(BigInteger[] a, BigInteger[] b) {
            BigInteger[] sums = engine.exact(a, b);
            for (int i = 0; i < sums.length; i++) {
                int width = Math.max(a[i].bitLength(), b[i].bitLength());
                if (a[i].signum() >= 0 && b[i].signum() >= 0) {
                    sums[i] = sums[i].mod(BigInteger.ONE.shiftLeft(Math.max(1, width)));
                }
            }
            return sums;
        }

        @Override
        public BigInteger exact(BigInteger a, BigInteger b) {
            return exact(new BigInteger[] {a}, new BigInteger[] {b})[0];
        }

        @Override
        public ModelInfo model() {
            return engine.model();
        }

        @Override
        public int wrapped(int a, int b) {
            return engine.wrapped(a, b);
        }

        @Override
        public long wrapped(long a, long b) {
            return engine.wrapped(a, b);
        }

        @Override
        public void wrapped(int[] a, int[] b, int[] results) {
            engine.wrapped(a, b, results);
        }

        @Override
        public void wrapped(long[] a, long[] b, long[] results) {
            engine.wrapped(a, b, results);
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
