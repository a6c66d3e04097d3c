package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.Adder;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** long and BigInteger adds through the same cell, for every shipped model (all certified). */
class WideAddTest {

    static List<Path> models() {
        return ShippedModels.all();
    }

    @ParameterizedTest
    @MethodSource("models")
    void addLong_matchesMathAddExact_onEdgeCarryHeavyAndRandomLongs(Path model) {
        long seed = AddExactProperty.seed();
        System.out.printf("property add(long) == Math.addExact(long) for %s: seed %d%n", model, seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> edges = edgeLongs();
        try (Adder adder = NeuralAdder.open(model)) {
            for (long a : edges) {
                for (long b : edges) {
                    check(adder, a, b, seed);
                }
            }
            for (int i = 0; i < 5_000; i++) {
                long x = random.nextLong();
                int k = random.nextInt(65);
                long ones = k == 64 ? -1L : (1L << k) - 1;
                check(adder, x, random.nextLong(), seed);
                check(adder, x, -x, seed);
                check(adder, (x << k) | ones, 1, seed);
                check(adder, Long.MAX_VALUE - random.nextInt(1 << 10), random.nextInt(1 << 11), seed);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void addBigInteger_matchesBigIntegerAdd_upToTenThousandBits(Path model) {
        long seed = AddExactProperty.seed();
        System.out.printf("property add(BigInteger) == BigInteger.add for %s: seed %d%n", model, seed);
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Random bits = new java.util.Random(seed);
        try (Adder adder = NeuralAdder.open(model)) {
            for (int bitsLong : new int[] {1, 2, 63, 64, 65, 127, 1000, 10_000}) {
                BigInteger ones = BigInteger.ONE.shiftLeft(bitsLong).subtract(BigInteger.ONE);
                checkBig(adder, ones, BigInteger.ONE, seed);                       // 999...9 + 1 in binary
                checkBig(adder, ones.negate(), ones.subtract(BigInteger.ONE), seed);
                checkBig(adder, BigInteger.ONE.shiftLeft(bitsLong).negate(), BigInteger.ONE.negate(), seed);
            }
            for (int i = 0; i < 60; i++) {
                int length = 1 + random.nextInt(10_000);
                BigInteger a = new BigInteger(length, bits);
                BigInteger b = new BigInteger(1 + random.nextInt(10_000), bits);
                checkBig(adder, random.nextBoolean() ? a : a.negate(), random.nextBoolean() ? b : b.negate(), seed);
                checkBig(adder, a, a.negate(), seed);
            }
            checkBig(adder, BigInteger.ZERO, BigInteger.ZERO, seed);
        }
    }

    @Test
    void addBigInteger_refusesHugeOperandsAndNulls() {
        try (Adder adder = NeuralAdder.open(ShippedModels.DEFAULT)) {
            BigInteger huge = BigInteger.ONE.shiftLeft(Adder.MAX_BIG_INTEGER_BITS + 1);
            var error = assertThrows(IllegalArgumentException.class, () -> adder.add(huge, BigInteger.ONE));
            assertTrue(error.getMessage().contains("at most " + Adder.MAX_BIG_INTEGER_BITS), error.getMessage());
            assertThrows(NullPointerException.class, () -> adder.add(null, BigInteger.ONE));
        }
    }

    @Test
    void staticFacade_addsLongsAndBigIntegers_likeMath() {
        assertEquals(5_000_000_000L, NeuralAdder.add(2_000_000_000L, 3_000_000_000L));
        var error = assertThrows(ArithmeticException.class, () -> NeuralAdder.add(Long.MAX_VALUE, 1L));
        assertEquals("long overflow", error.getMessage());
        assertEquals(Long.MIN_VALUE, NeuralAdder.addWrapping(Long.MAX_VALUE, 1L));
        assertEquals(new BigInteger("1000000000000000000000000"),
                NeuralAdder.add(new BigInteger("999999999999999999999999"), BigInteger.ONE));
    }

    private static void check(Adder adder, long a, long b, long seed) {
        String expected;
        try {
            expected = Long.toString(Math.addExact(a, b));
        } catch (ArithmeticException e) {
            expected = "ArithmeticException";
        }
        String actual;
        try {
            actual = Long.toString(adder.add(a, b));
        } catch (ArithmeticException e) {
            actual = "ArithmeticException";
        }
        assertEquals(expected, actual, a + " + " + b + " (replay with -Dneuraladder.seed=" + seed + ")");
    }

    private static void checkBig(Adder adder, BigInteger a, BigInteger b, long seed) {
        assertEquals(a.add(b), adder.add(a, b), () -> a.bitLength() + "-bit + " + b.bitLength()
                + "-bit operands (replay with -Dneuraladder.seed=" + seed + ")");
    }

    private static List<Long> edgeLongs() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 2L, -2L, Long.MIN_VALUE, Long.MIN_VALUE + 1,
                Long.MAX_VALUE, Long.MAX_VALUE - 1, 0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL,
                (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, 0xFFFF_FFFFL));
        for (int k = 0; k < 64; k += 3) {
            values.add(1L << k);
            values.add((1L << k) - 1);
            values.add(-(1L << k));
        }
        return values;
    }
}
