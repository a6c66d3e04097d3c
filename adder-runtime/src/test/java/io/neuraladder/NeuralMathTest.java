package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.api.Overflow;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.properties.ExactProperty;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NeuralMath's static methods on the bundled subtractor, against the JDK, on uniform, edge and borrow-heavy pairs. */
class NeuralMathTest {

    private static final int SAMPLES = 6_000;

    @Test
    void subtractExact_agreesWithMath_onInts() {
        long seed = AddExactProperty.seed();
        ExactProperty.assertAgree("NeuralMath.subtractExact(int, int) == Math.subtractExact", seed,
                ExactProperty.intPairs(seed, SAMPLES), Math::subtractExact, NeuralMath::subtractExact);
    }

    @Test
    void subtractExact_agreesWithMath_onLongs() {
        long seed = AddExactProperty.seed();
        ExactProperty.assertAgree("NeuralMath.subtractExact(long, long) == Math.subtractExact", seed,
                ExactProperty.longPairs(seed, SAMPLES / 4), Math::subtractExact, NeuralMath::subtractExact);
    }

    @Test
    void negateAndAbsExact_agreeWithMath_onEveryEdgeValueAndRandomOnes() {
        long seed = AddExactProperty.seed();
        IntPairs pairs = ExactProperty.intPairs(seed, SAMPLES);
        ExactProperty.assertAgree("negateExact(int)", seed, pairs, (a, b) -> Math.negateExact(a),
                (a, b) -> NeuralMath.negateExact(a));
        ExactProperty.assertAgree("absExact(int)", seed, pairs, (a, b) -> Math.absExact(b),
                (a, b) -> NeuralMath.absExact(b));
        long[][] longs = ExactProperty.longPairs(seed, SAMPLES / 8);
        ExactProperty.assertAgree("negateExact(long)", seed, longs, (a, b) -> Math.negateExact(a),
                (a, b) -> NeuralMath.negateExact(a));
        ExactProperty.assertAgree("absExact(long)", seed, longs, (a, b) -> Math.absExact(b),
                (a, b) -> NeuralMath.absExact(b));
    }

    @Test
    void compare_agreesWithIntegerAndLongCompare() {
        long seed = AddExactProperty.seed();
        ExactProperty.assertAgree("compare(int, int) == Integer.compare", seed, ExactProperty.intPairs(seed, SAMPLES),
                Integer::compare, NeuralMath::compare);
        ExactProperty.assertAgree("compare(long, long) == Long.compare", seed, ExactProperty.longPairs(seed, SAMPLES / 4),
                (a, b) -> Long.compare(a, b), (a, b) -> NeuralMath.compare(a, b));
    }

    @Test
    void theEdgesOfMathsContract_throwWithItsMessages() {
        assertEquals("integer overflow", assertThrows(ArithmeticException.class,
                () -> NeuralMath.subtractExact(Integer.MIN_VALUE, 1)).getMessage());
        assertEquals("long overflow", assertThrows(ArithmeticException.class,
                () -> NeuralMath.subtractExact(Long.MAX_VALUE, -1L)).getMessage());
        assertEquals("integer overflow", assertThrows(ArithmeticException.class,
                () -> NeuralMath.negateExact(Integer.MIN_VALUE)).getMessage());
        assertEquals("Overflow to represent absolute value of Integer.MIN_VALUE", assertThrows(
                ArithmeticException.class, () -> NeuralMath.absExact(Integer.MIN_VALUE)).getMessage());
        assertEquals("Overflow to represent absolute value of Long.MIN_VALUE", assertThrows(
                ArithmeticException.class, () -> NeuralMath.absExact(Long.MIN_VALUE)).getMessage());
        assertEquals(474, NeuralMath.subtractExact(535, 61));
        assertEquals(-1, NeuralMath.compare(-7, 3));
        assertEquals(Integer.MAX_VALUE, NeuralMath.absExact(-Integer.MAX_VALUE));
        assertEquals(596, NeuralMath.addExact(535, 61));
    }

    @Test
    void subtract_agreesWithBigInteger_forAnySignsAndSizes() {
        long seed = AddExactProperty.seed();
        System.out.printf("property subtract(BigInteger) == BigInteger.subtract: seed %d%n", seed);
        Random random = new Random(seed);
        for (int n = 0; n < 200; n++) {
            BigInteger a = new BigInteger(1 + random.nextInt(n < 20 ? 4_000 : 300), random);
            BigInteger b = n % 7 == 0 ? a.add(BigInteger.valueOf(random.nextInt(3) - 1))
                    : new BigInteger(1 + random.nextInt(300), random);
            a = random.nextBoolean() ? a.negate() : a;
            b = n % 7 != 0 && random.nextBoolean() ? b.negate() : b;
            assertEquals(a.subtract(b), NeuralMath.subtract(a, b), a + " - " + b + " (seed " + seed + ")");
        }
        assertEquals(BigInteger.ZERO.subtract(BigInteger.ONE.shiftLeft(5_000)),
                NeuralMath.subtract(BigInteger.ZERO, BigInteger.ONE.shiftLeft(5_000)));
    }

    @Test
    void arrays_agreeElementwise_andNameTheFirstOverflowingIndex() {
        IntPairs pairs = OperandSamples.borrowHeavy(new SplittableRandom(5), 20_000);
        int[] a = pairs.a().clone();
        int[] b = pairs.b().clone();
        for (int i = 0; i < a.length; i++) {
            if (Math.abs((long) a[i] - b[i]) > Integer.MAX_VALUE / 2) {
                b[i] = a[i];
            }
        }
        int[] expected = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            expected[i] = a[i] - b[i];
        }
        assertArrayEquals(expected, NeuralMath.subtractExact(a, b));
        var overflow = assertThrows(ArithmeticException.class, () -> NeuralMath.subtractExact(
                new int[] {5, 0, Integer.MIN_VALUE, Integer.MIN_VALUE}, new int[] {3, 1, 1, 2}));
        assertEquals("integer overflow at index 2: -2147483648 - 1", overflow.getMessage());
        long[][] longs = OperandSamples.borrowHeavyLongs(new SplittableRandom(6), 3_000);
        long[] la = longs[0];
        long[] lb = longs[1].clone();
        long[] longExpected = new long[la.length];
        for (int i = 0; i < la.length; i++) {
            if (((la[i] ^ lb[i]) & (la[i] ^ (la[i] - lb[i]))) < 0) {
                lb[i] = la[i];
            }
            longExpected[i] = la[i] - lb[i];
        }
        assertArrayEquals(longExpected, NeuralMath.subtractExact(la, lb));
        assertThrows(IllegalArgumentException.class, () -> NeuralMath.subtractExact(new int[2], new int[3]));
    }

    @Test
    void subtractDecimal_agreesWithBigInteger_inBothOrders_onThousandsOfDigits() {
        long seed = AddExactProperty.seed();
        System.out.printf("property subtractDecimal == BigInteger.subtract: seed %d%n", seed);
        Random random = new Random(seed);
        for (int n = 0; n < 60; n++) {
            int digits = 1 + random.nextInt(n < 6 ? 3_000 : 60);
            BigInteger a = new BigInteger(digits * 3, random);
            BigInteger b = switch (n % 4) {
                case 0 -> a;
                case 1 -> a.add(BigInteger.ONE);
                case 2 -> BigInteger.TEN.pow(digits);
                default -> new BigInteger(1 + random.nextInt(digits * 3), random);
            };
            assertEquals(a.subtract(b).toString(), NeuralMath.subtractDecimal(a.toString(), b.toString()),
                    a + " - " + b + " (seed " + seed + ")");
            assertEquals(b.subtract(a).toString(), NeuralMath.subtractDecimal(b.toString(), a.toString()));
        }
        assertEquals("0", NeuralMath.subtractDecimal("000", "0"));
        assertEquals("-474", NeuralMath.subtractDecimal("61", "535"));
        assertEquals("1", NeuralMath.subtractDecimal("1" + "0".repeat(5_000), "9".repeat(5_000)));
    }

    @Test
    void subtractDecimal_refusesWhatAddDecimalRefuses_namingOperandCharacterAndIndex() {
        assertTrue(assertThrows(NumberFormatException.class, () -> NeuralMath.subtractDecimal("", "1")).getMessage()
                .contains("operand a is empty"));
        assertTrue(assertThrows(NumberFormatException.class, () -> NeuralMath.subtractDecimal("5", "-1")).getMessage()
                .contains("operand b = \"-1\" is negative"));
        assertTrue(assertThrows(NumberFormatException.class, () -> NeuralMath.subtractDecimal("1_000", "1"))
                .getMessage().contains("'_' (U+005F) at index 1"));
        assertTrue(assertThrows(NumberFormatException.class, () -> NeuralMath.subtractDecimal("1", "2.5"))
                .getMessage().contains("'.' (U+002E) at index 1"));
        assertTrue(assertThrows(NumberFormatException.class, () -> NeuralMath.subtractDecimal(" 1", "2"))
                .getMessage().contains("whitespace at index 0"));
        assertTrue(assertThrows(NumberFormatException.class, () -> NeuralMath.subtractDecimal("ff", "2"))
                .getMessage().contains("'f' (U+0066) at index 0"));
        assertThrows(NullPointerException.class, () -> NeuralMath.subtractDecimal(null, "2"));
        assertThrows(IllegalArgumentException.class,
                () -> NeuralMath.subtractDecimal("1".repeat(NeuralAdder.MAX_DIGITS + 1), "2"));
    }

    @Test
    void everyNetwork_isTheBundledOne_certifiedAsTheOperatorItServes() {
        assertEquals(Optional.of("subtract"), NeuralMath.subtractorModel().get(MetadataKey.OPERATOR));
        assertTrue(NeuralMath.subtractorModel().certified());
        assertTrue(NeuralMath.subtractorModel().source().contains(NeuralMath.BUNDLED_SUBTRACTOR));
        assertEquals(Optional.of("subtract"), NeuralMath.decimalSubtractorModel().get(MetadataKey.OPERATOR));
        assertEquals(Optional.of("10"), NeuralMath.decimalSubtractorModel().get(MetadataKey.RADIX));
        assertTrue(NeuralMath.decimalSubtractorModel().certified());
        assertEquals(Optional.of("add"), NeuralMath.adderModel().get(MetadataKey.OPERATOR));
    }
}
