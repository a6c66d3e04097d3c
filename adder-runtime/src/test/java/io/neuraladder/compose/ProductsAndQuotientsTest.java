package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.LearnedMath;
import io.neuraladder.NeuralMath;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.properties.ExactProperty;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * NeuralMath's products and floor quotients, composed from the bundled adder and subtractor,
 * against the JDK on edge pairs, fresh random pairs and pairs near the overflow boundary; every
 * run prints its seed (-Dneuraladder.seed replays it).
 */
class ProductsAndQuotientsTest {

    @Test
    void multiplyExact_agreesWithMath_onInts_nearTheBoundaryToo() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        IntPairs pairs = OperandSamples.edgePairs().slice(0, 3_000).concat(OperandSamples.uniform(random, 1_000))
                .concat(OperandSamples.productBoundary(random, 2_000)).concat(smallFactors(random, 1_000));
        ExactProperty.assertAgree("NeuralMath.multiplyExact(int, int) == Math.multiplyExact", seed, pairs,
                Math::multiplyExact, NeuralMath::multiplyExact);
    }

    @Test
    void multiplyExact_agreesWithMath_onLongs_nearTheBoundaryToo() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        long[][] boundary = OperandSamples.longProductBoundary(random, 150);
        ExactProperty.assertAgree("NeuralMath.multiplyExact(long, long) == Math.multiplyExact", seed, boundary,
                Math::multiplyExact, NeuralMath::multiplyExact);
        long[][] mixed = OperandSamples.mixedLongs(random, 60);
        ExactProperty.assertAgree("multiplyExact(long, long) on mixed longs", seed, mixed, Math::multiplyExact,
                NeuralMath::multiplyExact);
    }

    @Test
    void multiplyExactOnArrays_agreesElementwise_andNamesTheFirstOverflowingIndex() {
        SplittableRandom random = new SplittableRandom(17);
        IntPairs pairs = smallFactors(random, 5_000).concat(OperandSamples.edgePairs().slice(0, 200));
        int[] a = pairs.a().clone();
        int[] b = pairs.b().clone();
        for (int i = 0; i < a.length; i++) {
            if ((long) a[i] * b[i] != a[i] * b[i]) {
                b[i] = 1;
            }
        }
        int[] expected = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            expected[i] = a[i] * b[i];
        }
        assertArrayEquals(expected, NeuralMath.multiplyExact(a, b));
        var overflow = assertThrows(ArithmeticException.class,
                () -> NeuralMath.multiplyExact(new int[] {3, 46340, 46341, 7}, new int[] {5, 46340, 46341, 1 << 30}));
        assertEquals("integer overflow at index 2: 46341 * 46341", overflow.getMessage());
        long[][] longs = OperandSamples.longProductBoundary(random, 40);
        long[] la = longs[0];
        long[] lb = longs[1].clone();
        long[] longExpected = new long[la.length];
        for (int i = 0; i < la.length; i++) {
            if (BigInteger.valueOf(la[i]).multiply(BigInteger.valueOf(lb[i])).bitLength() >= Long.SIZE) {
                lb[i] = 1;
            }
            longExpected[i] = la[i] * lb[i];
        }
        assertArrayEquals(longExpected, NeuralMath.multiplyExact(la, lb));
        assertThrows(IllegalArgumentException.class, () -> NeuralMath.multiplyExact(new int[1], new int[2]));
    }

    @Test
    void multiply_agreesWithBigInteger_forAnySigns_upTo4096Bits() {
        long seed = AddExactProperty.seed();
        System.out.printf("property multiply(BigInteger) == BigInteger.multiply: seed %d%n", seed);
        Random random = new Random(seed);
        for (int n = 0; n < 30; n++) {
            BigInteger a = new BigInteger(1 + random.nextInt(400), random);
            BigInteger b = new BigInteger(1 + random.nextInt(400), random);
            a = random.nextBoolean() ? a.negate() : a;
            b = random.nextBoolean() ? b.negate() : b;
            assertEquals(a.multiply(b), NeuralMath.multiply(a, b), a + " * " + b + " (seed " + seed + ")");
        }
        BigInteger big = BigInteger.ONE.shiftLeft(4_096).subtract(BigInteger.ONE);
        BigInteger other = new BigInteger(4_096, random).negate();
        assertEquals(big.multiply(other), NeuralMath.multiply(big, other), "4,096 bits each");
        assertEquals(BigInteger.ZERO, NeuralMath.multiply(BigInteger.ZERO, big));
        assertThrows(IllegalArgumentException.class,
                () -> NeuralMath.multiply(BigInteger.ONE.shiftLeft(LearnedMath.MAX_FACTOR_BITS), BigInteger.TWO));
    }

    @Test
    void floorDivAndFloorMod_agreeWithMath_onInts() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        IntPairs pairs = divisionPairs(random, 150);
        ExactProperty.assertAgree("NeuralMath.floorDiv(int, int) == Math.floorDiv", seed, pairs, Math::floorDiv,
                NeuralMath::floorDiv);
        ExactProperty.assertAgree("NeuralMath.floorMod(int, int) == Math.floorMod", seed, pairs, Math::floorMod,
                NeuralMath::floorMod);
        int[] a = pairs.a();
        int[] b = pairs.b();
        int[] expected = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            expected[i] = Math.floorDiv(a[i], b[i]);
        }
        assertArrayEquals(expected, NeuralMath.floorDiv(a, b), "the batched quotients");
    }

    @Test
    void floorDivAndFloorMod_agreeWithMath_onLongs() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        long[][] pairs = {{Long.MIN_VALUE, -1}, {Long.MIN_VALUE, 1}, {Long.MAX_VALUE, -2}, {-7, 3}, {7, -3},
                {0, Long.MIN_VALUE}, {random.nextLong(), random.nextLong() >> random.nextInt(64) | 1},
                {random.nextLong(), -(random.nextInt(1 << 20) + 1)}};
        long[][] transposed = {new long[pairs.length], new long[pairs.length]};
        for (int i = 0; i < pairs.length; i++) {
            transposed[0][i] = pairs[i][0];
            transposed[1][i] = pairs[i][1];
        }
        ExactProperty.assertAgree("floorDiv(long, long)", seed, transposed, Math::floorDiv, NeuralMath::floorDiv);
        ExactProperty.assertAgree("floorMod(long, long)", seed, transposed, Math::floorMod, NeuralMath::floorMod);
    }

    @Test
    void divisionByZero_throwsLikeMath() {
        assertEquals("/ by zero", assertThrows(ArithmeticException.class, () -> NeuralMath.floorDiv(5, 0))
                .getMessage());
        assertEquals("/ by zero", assertThrows(ArithmeticException.class, () -> NeuralMath.floorMod(5L, 0L))
                .getMessage());
        assertEquals(Integer.MIN_VALUE, NeuralMath.floorDiv(Integer.MIN_VALUE, -1));
        assertTrue(assertThrows(ArithmeticException.class, () -> NeuralMath.floorDiv(new int[] {1, 2}, new int[] {1, 0}))
                .getMessage().contains("index 1"));
    }

    /** Pairs whose products mostly fit: factors of up to 16 bits, either sign. */
    private static IntPairs smallFactors(SplittableRandom random, int count) {
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 0; i < count; i++) {
            a[i] = random.nextInt() >> (16 + random.nextInt(16));
            b[i] = random.nextInt() >> (16 + random.nextInt(16));
        }
        return new IntPairs(a, b);
    }

    /** Dividends of every size and sign, nonzero divisors among them MIN_VALUE, ±1 and powers of two. */
    private static IntPairs divisionPairs(SplittableRandom random, int count) {
        int[] a = new int[count];
        int[] b = new int[count];
        int[] divisors = {1, -1, 2, -2, 3, 7, -10, 1 << 30, Integer.MIN_VALUE, Integer.MAX_VALUE};
        int[] dividends = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, -7, 7, 100};
        for (int i = 0; i < count; i++) {
            a[i] = i < dividends.length * 2 ? dividends[i % dividends.length] : random.nextInt() >> random.nextInt(32);
            int divisor = i % 3 == 0 ? divisors[random.nextInt(divisors.length)] : random.nextInt() >> random.nextInt(32);
            b[i] = divisor == 0 ? 1 : divisor;
        }
        return new IntPairs(a, b);
    }
}
