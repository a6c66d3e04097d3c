package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.api.Adder;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped radix-16 model (a trained RNN, four bits per step, its certificate checked at load)
 * serves the whole binary API like the JDK: ints against {@link Math#addExact} and {@code +} on the
 * binary property tests' uniform, edge and carry-heavy pairs, longs, and {@link BigInteger}s of
 * thousands of bits.
 */
class ShippedRadix16ModelTest {

    private static Adder adder;

    @BeforeAll
    static void open() {
        adder = NeuralAdder.open(ShippedModels.RADIX16);
    }

    @AfterAll
    static void close() {
        adder.close();
    }

    @Test
    void itIsARadix16Model_certifiedAtLoad() {
        assertEquals("16", adder.model().get(MetadataKey.RADIX).orElseThrow());
        assertTrue(adder.model().certified(), "the embedded certificate is checked at load");
    }

    @Test
    void singleInts_matchMathAddExact() {
        AddExactProperty.assertHolds("the shipped radix-16 model", adder::add, AddExactProperty.DEFAULT_SAMPLES);
    }

    @Test
    void intBatches_matchJavaPlus_andOverflowIsNamedByIndex() {
        IntPairs pairs = OperandSamples.edgePairs().concat(OperandSamples.mixed(new SplittableRandom(16), 100_000));
        int[] expected = new int[pairs.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = pairs.a()[i] + pairs.b()[i];
        }
        assertArrayEquals(expected, adder.addWrapping(pairs.a(), pairs.b()));
        for (int i = 0; i < 2_000; i++) {
            assertEquals(expected[i], adder.addWrapping(pairs.a()[i], pairs.b()[i]), "single wrapped pair " + i);
        }
        var overflow = assertThrows(ArithmeticException.class,
                () -> adder.add(new int[] {1, Integer.MAX_VALUE}, new int[] {2, 1}));
        assertTrue(overflow.getMessage().contains("index 1"), overflow.getMessage());
    }

    @Test
    void longs_matchTheJdk_singleAndBatched() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        String replay = " (replay with -D" + AddExactProperty.SEED_PROPERTY + "=" + seed + ")";
        long[][] pairs = OperandSamples.mixedLongs(random, 20_000);
        long[] a = pairs[0];
        long[] b = pairs[1];
        for (int i = 0; i < 4_000; i++) {
            assertEquals(exact(a[i], b[i]), served(a[i], b[i]), a[i] + " + " + b[i] + replay);
        }
        long[] sums = adder.addWrapping(a, b);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i] + b[i], sums[i], "batch pair " + i + replay);
        }
        assertEquals(Long.MIN_VALUE, adder.addWrapping(Long.MAX_VALUE, 1L));
        assertThrows(ArithmeticException.class, () -> adder.add(Long.MIN_VALUE, -1L));
    }

    @Test
    void bigIntegersOfThousandsOfBits_matchBigIntegerAdd() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        Random bits = new Random(seed);
        for (int length : new int[] {1, 4, 63, 64, 65, 1_000, 4_096, 10_000}) {
            BigInteger ones = BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE);
            assertEquals(ones.add(BigInteger.ONE), adder.add(ones, BigInteger.ONE), length + "-bit carry chain");
            assertEquals(BigInteger.ONE.negate(), adder.add(ones.negate(), ones.subtract(BigInteger.ONE)));
            for (int k = 0; k < 5; k++) {
                BigInteger x = new BigInteger(length, bits);
                BigInteger y = new BigInteger(1 + random.nextInt(length + 1), bits);
                BigInteger signedX = random.nextBoolean() ? x : x.negate();
                BigInteger signedY = random.nextBoolean() ? y : y.negate();
                assertEquals(signedX.add(signedY), adder.add(signedX, signedY), length + " bits, seed " + seed);
                assertEquals(BigInteger.ZERO, adder.add(x, x.negate()));
            }
        }
    }

    private static String exact(long a, long b) {
        try {
            return Long.toString(Math.addExact(a, b));
        } catch (ArithmeticException e) {
            return "overflow";
        }
    }

    private static String served(long a, long b) {
        try {
            return Long.toString(adder.add(a, b));
        } catch (ArithmeticException e) {
            return "overflow";
        }
    }
}
