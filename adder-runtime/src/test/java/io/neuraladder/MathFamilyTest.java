package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.sampling.OperandSamples;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The rest of {@link Math}'s exact integer family, up to JDK 21, through {@link NeuralMath}'s
 * default networks, against {@link Math} where JDK 17 has the method and against an independent
 * reference written with {@link BigInteger} where it is newer (ceiling division, exact divisions,
 * {@code unsignedMultiplyHigh}, {@code clamp}): every signature, edge and seeded random operands,
 * {@code MIN_VALUE / -1}, zero divisors and {@code Math}'s messages.
 */
class MathFamilyTest {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static long seed;
    private static long[] intOperands;
    private static long[] longOperands;

    @BeforeAll
    static void operands() {
        seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> ints = new ArrayList<>();
        for (int edge : OperandSamples.edgeValues()) {
            ints.add((long) edge);
        }
        for (int k = 0; k < 12; k++) {
            ints.add((long) random.nextInt());
            ints.add((long) random.nextInt(-1000, 1000));
        }
        intOperands = ints.stream().mapToLong(Long::longValue).toArray();
        List<Long> longs = new ArrayList<>(List.of(0L, 1L, -1L, 2L, -2L, 3L, -7L, Long.MIN_VALUE, Long.MIN_VALUE + 1,
                Long.MAX_VALUE, Long.MAX_VALUE - 1, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE + 1));
        for (int k = 0; k < 8; k++) {
            longs.add(random.nextLong());
            longs.add(random.nextLong(-100_000, 100_000));
        }
        longOperands = longs.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void everyExactIntegerMethodOfMath_upToJdk21_hasItsSignature() throws ReflectiveOperationException {
        Object[][] signatures = {
                {"addExact", int.class, int.class, int.class}, {"addExact", long.class, long.class, long.class},
                {"subtractExact", int.class, int.class, int.class}, {"subtractExact", long.class, long.class, long.class},
                {"multiplyExact", int.class, int.class, int.class}, {"multiplyExact", long.class, long.class, int.class},
                {"multiplyExact", long.class, long.class, long.class}, {"multiplyFull", long.class, int.class, int.class},
                {"multiplyHigh", long.class, long.class, long.class},
                {"unsignedMultiplyHigh", long.class, long.class, long.class},
                {"divideExact", int.class, int.class, int.class}, {"divideExact", long.class, long.class, long.class},
                {"floorDivExact", int.class, int.class, int.class}, {"floorDivExact", long.class, long.class, long.class},
                {"ceilDivExact", int.class, int.class, int.class}, {"ceilDivExact", long.class, long.class, long.class},
                {"incrementExact", int.class, int.class}, {"incrementExact", long.class, long.class},
                {"decrementExact", int.class, int.class}, {"decrementExact", long.class, long.class},
                {"negateExact", int.class, int.class}, {"negateExact", long.class, long.class},
                {"toIntExact", int.class, long.class},
                {"floorDiv", int.class, int.class, int.class}, {"floorDiv", long.class, long.class, int.class},
                {"floorDiv", long.class, long.class, long.class}, {"floorMod", int.class, int.class, int.class},
                {"floorMod", int.class, long.class, int.class}, {"floorMod", long.class, long.class, long.class},
                {"ceilDiv", int.class, int.class, int.class}, {"ceilDiv", long.class, long.class, int.class},
                {"ceilDiv", long.class, long.class, long.class}, {"ceilMod", int.class, int.class, int.class},
                {"ceilMod", int.class, long.class, int.class}, {"ceilMod", long.class, long.class, long.class},
                {"abs", int.class, int.class}, {"abs", long.class, long.class},
                {"absExact", int.class, int.class}, {"absExact", long.class, long.class},
                {"max", int.class, int.class, int.class}, {"max", long.class, long.class, long.class},
                {"min", int.class, int.class, int.class}, {"min", long.class, long.class, long.class},
                {"clamp", int.class, long.class, int.class, int.class},
                {"clamp", long.class, long.class, long.class, long.class}};
        assertEquals(45, signatures.length);
        for (Object[] signature : signatures) {
            Class<?>[] parameters = new Class<?>[signature.length - 2];
            for (int k = 2; k < signature.length; k++) {
                parameters[k - 2] = (Class<?>) signature[k];
            }
            Method method = NeuralMath.class.getMethod((String) signature[0], parameters);
            assertEquals(signature[1], method.getReturnType(), method.toString());
            assertTrue(Modifier.isStatic(method.getModifiers()), method.toString());
            LearnedMath.class.getMethod((String) signature[0], parameters);
        }
    }

    @Test
    void floorAndCeilingDivision_agreeWithMath_onEveryPairOfEdgeAndRandomInts() {
        long[][] pairs = pairs(intOperands);
        int[] a = narrow(pairs[0]);
        int[] b = narrow(pairs[1]);
        assertEach("floorDiv(int[])", a, b, NeuralMath.floorDiv(a, b), Math::floorDiv);
        assertEach("floorMod(int[])", a, b, NeuralMath.floorMod(a, b), Math::floorMod);
        assertEach("ceilDiv(int[])", a, b, NeuralMath.ceilDiv(a, b), (x, y) -> (int) ceilDiv(x, y));
        assertEach("ceilMod(int[])", a, b, NeuralMath.ceilMod(a, b), (x, y) -> (int) ceilMod(x, y));
    }

    @Test
    void floorAndCeilingDivision_agreeWithMath_onEveryPairOfEdgeAndRandomLongs() {
        long[][] pairs = pairs(longOperands);
        long[] a = pairs[0];
        long[] b = pairs[1];
        assertEach("floorDiv(long[])", a, b, NeuralMath.floorDiv(a, b), Math::floorDiv);
        assertEach("floorMod(long[])", a, b, NeuralMath.floorMod(a, b), Math::floorMod);
        assertEach("ceilDiv(long[])", a, b, NeuralMath.ceilDiv(a, b), MathFamilyTest::ceilDiv);
        assertEach("ceilMod(long[])", a, b, NeuralMath.ceilMod(a, b), MathFamilyTest::ceilMod);
    }

    @Test
    void singleDivisions_andTheirExactForms_agreeWithMath_includingMinValueByMinusOne() {
        long[] divisors = {1, -1, 2, -2, 3, -7, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (long x : new long[] {0, 7, -7, 6, -6, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1}) {
            for (long y : divisors) {
                int a = (int) x;
                int b = (int) y;
                String pair = a + ", " + b;
                assertEquals((int) ceilDiv(a, b), NeuralMath.ceilDiv(a, b), "ceilDiv(" + pair + ")");
                assertEquals((int) ceilMod(a, b), NeuralMath.ceilMod(a, b), "ceilMod(" + pair + ")");
                assertEquals(ceilDiv(x, b), NeuralMath.ceilDiv(x, b), "ceilDiv(long " + pair + ")");
                assertEquals((int) ceilMod(x, b), NeuralMath.ceilMod(x, b), "ceilMod(long " + pair + ")");
                assertEquals(Math.floorDiv(x, b), NeuralMath.floorDiv(x, b), "floorDiv(long " + pair + ")");
                assertEquals(Math.floorMod(x, b), NeuralMath.floorMod(x, b), "floorMod(long " + pair + ")");
                assertExactly(() -> exactQuotient(x, y, 32, Rounding.DOWN), () -> NeuralMath.divideExact(a, b),
                        "divideExact(" + pair + ")");
                assertExactly(() -> exactQuotient(x, y, 32, Rounding.FLOOR), () -> NeuralMath.floorDivExact(a, b),
                        "floorDivExact(" + pair + ")");
                assertExactly(() -> exactQuotient(x, y, 32, Rounding.CEILING), () -> NeuralMath.ceilDivExact(a, b),
                        "ceilDivExact(" + pair + ")");
            }
        }
        assertEquals(Integer.MIN_VALUE, NeuralMath.ceilDiv(Integer.MIN_VALUE, -1), "wraps, as Math.ceilDiv does");
        assertEquals("integer overflow", assertThrows(ArithmeticException.class,
                () -> NeuralMath.divideExact(Integer.MIN_VALUE, -1)).getMessage());
        assertEquals("long overflow", assertThrows(ArithmeticException.class,
                () -> NeuralMath.floorDivExact(Long.MIN_VALUE, -1L)).getMessage());
        assertEquals("long overflow", assertThrows(ArithmeticException.class,
                () -> NeuralMath.ceilDivExact(Long.MIN_VALUE, -1L)).getMessage());
        for (long x : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -9, 9}) {
            for (long y : new long[] {-1, 2, -4, Long.MAX_VALUE}) {
                assertEquals(ceilDiv(x, y), NeuralMath.ceilDiv(x, y), "ceilDiv(" + x + ", " + y + ")");
                assertEquals(ceilMod(x, y), NeuralMath.ceilMod(x, y), "ceilMod(" + x + ", " + y + ")");
                assertExactly(() -> exactQuotient(x, y, 64, Rounding.DOWN), () -> NeuralMath.divideExact(x, y),
                        "divideExact(" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void everyDivision_refusesAZeroDivisor_asMathDoes() {
        List<Executable> divisions = List.of(() -> NeuralMath.ceilDiv(1, 0), () -> NeuralMath.ceilDiv(1L, 0),
                () -> NeuralMath.ceilDiv(1L, 0L), () -> NeuralMath.ceilMod(1, 0), () -> NeuralMath.ceilMod(1L, 0),
                () -> NeuralMath.ceilMod(1L, 0L), () -> NeuralMath.floorDiv(1L, 0), () -> NeuralMath.floorMod(1L, 0),
                () -> NeuralMath.divideExact(1, 0), () -> NeuralMath.divideExact(1L, 0L),
                () -> NeuralMath.floorDivExact(1, 0), () -> NeuralMath.ceilDivExact(1L, 0L));
        for (Executable division : divisions) {
            assertEquals("/ by zero", assertThrows(ArithmeticException.class, division).getMessage());
        }
        assertEquals("/ by zero at index 1", assertThrows(ArithmeticException.class,
                () -> NeuralMath.ceilMod(new long[] {4, 5}, new long[] {3, 0})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NeuralMath.ceilDiv(new int[3], new int[2]));
    }

    @Test
    void aMiswiredRounding_wouldBeCaught_byTheseOperands() {
        long[][] pairs = pairs(intOperands);
        int floorVersusCeiling = 0;
        int floorModVersusCeilMod = 0;
        int truncationVersusFloor = 0;
        for (int i = 0; i < pairs[0].length; i++) {
            long a = pairs[0][i];
            long b = pairs[1][i];
            floorVersusCeiling += Math.floorDiv(a, b) != ceilDiv(a, b) ? 1 : 0;
            floorModVersusCeilMod += Math.floorMod(a, b) != ceilMod(a, b) ? 1 : 0;
            truncationVersusFloor += a / b != Math.floorDiv(a, b) ? 1 : 0;
        }
        int n = pairs[0].length;
        assertTrue(floorVersusCeiling > n / 2, "floor and ceiling quotients differ on " + floorVersusCeiling + " of " + n);
        assertTrue(floorModVersusCeilMod > n / 2, "floor and ceiling moduli differ on " + floorModVersusCeilMod + " of " + n);
        assertTrue(truncationVersusFloor > n / 8, "truncation and floor differ on " + truncationVersusFloor + " of " + n);
    }

    @Test
    void products_agreeWithMath_onEdgeAndRandomOperands() {
        for (long x : intOperands) {
            for (long y : new long[] {0, 1, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, 46_341, x}) {
                int a = (int) x;
                int b = (int) y;
                assertEquals(Math.multiplyFull(a, b), NeuralMath.multiplyFull(a, b), "multiplyFull(" + a + ", " + b + ")");
            }
        }
        for (long x : longOperands) {
            for (long y : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 3_037_000_500L, x}) {
                assertEquals(Math.multiplyHigh(x, y), NeuralMath.multiplyHigh(x, y), "multiplyHigh(" + x + ", " + y + ")");
                assertEquals(unsignedMultiplyHigh(x, y), NeuralMath.unsignedMultiplyHigh(x, y),
                        "unsignedMultiplyHigh(" + x + ", " + y + ")");
                int b = (int) y;
                assertExactly(() -> Math.multiplyExact(x, b), () -> NeuralMath.multiplyExact(x, b),
                        "multiplyExact(" + x + ", (int) " + b + ")");
            }
        }
    }

    @Test
    void increments_conversions_absolutes_extremesAndClamps_agreeWithMath() {
        for (long value : intOperands) {
            int a = (int) value;
            assertExactly(() -> Math.incrementExact(a), () -> NeuralMath.incrementExact(a), "incrementExact(" + a + ")");
            assertExactly(() -> Math.decrementExact(a), () -> NeuralMath.decrementExact(a), "decrementExact(" + a + ")");
            assertEquals(Math.abs(a), NeuralMath.abs(a), "abs(" + a + ")");
            for (long other : new long[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, value / 2}) {
                assertEquals(Math.max(a, (int) other), NeuralMath.max(a, (int) other));
                assertEquals(Math.min(a, (int) other), NeuralMath.min(a, (int) other));
            }
            assertEquals(clamp(value, -5, 1000), NeuralMath.clamp(value, -5, 1000), "clamp(" + value + ", -5, 1000)");
        }
        for (long a : longOperands) {
            assertExactly(() -> Math.incrementExact(a), () -> NeuralMath.incrementExact(a), "incrementExact(" + a + ")");
            assertExactly(() -> Math.decrementExact(a), () -> NeuralMath.decrementExact(a), "decrementExact(" + a + ")");
            assertExactly(() -> Math.toIntExact(a), () -> NeuralMath.toIntExact(a), "toIntExact(" + a + ")");
            assertEquals(Math.abs(a), NeuralMath.abs(a), "abs(" + a + ")");
            assertEquals(Math.max(a, -a), NeuralMath.max(a, -a));
            assertEquals(Math.min(a, Long.MIN_VALUE + 1), NeuralMath.min(a, Long.MIN_VALUE + 1));
            assertEquals(clamp(a, Integer.MIN_VALUE, 7), NeuralMath.clamp(a, Integer.MIN_VALUE, 7));
            assertEquals(clamp(a, -3L, Long.MAX_VALUE), NeuralMath.clamp(a, -3L, Long.MAX_VALUE));
        }
        assertEquals(Integer.MIN_VALUE, NeuralMath.abs(Integer.MIN_VALUE), "abs wraps as Math.abs does");
        assertEquals("integer overflow", assertThrows(ArithmeticException.class,
                () -> NeuralMath.incrementExact(Integer.MAX_VALUE)).getMessage());
        assertEquals("long overflow", assertThrows(ArithmeticException.class,
                () -> NeuralMath.decrementExact(Long.MIN_VALUE)).getMessage());
        assertEquals("5 > 4", assertThrows(IllegalArgumentException.class, () -> NeuralMath.clamp(1L, 5, 4))
                .getMessage(), "Math.clamp's words");
        assertEquals("5 > -4", assertThrows(IllegalArgumentException.class, () -> NeuralMath.clamp(1L, 5L, -4L))
                .getMessage());
    }

    private enum Rounding { DOWN, FLOOR, CEILING }

    /** Every operand paired with every nonzero one. */
    private static long[][] pairs(long[] operands) {
        List<long[]> pairs = new ArrayList<>();
        for (long a : operands) {
            for (long b : operands) {
                if (b != 0) {
                    pairs.add(new long[] {a, b});
                }
            }
        }
        long[][] columns = new long[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            columns[0][i] = pairs.get(i)[0];
            columns[1][i] = pairs.get(i)[1];
        }
        return columns;
    }

    private static int[] narrow(long[] values) {
        int[] narrowed = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            narrowed[i] = (int) values[i];
        }
        return narrowed;
    }

    private static void assertEach(String method, int[] a, int[] b, int[] actual,
            IntBinaryOperator reference) {
        for (int i = 0; i < a.length; i++) {
            int expected = reference.applyAsInt(a[i], b[i]);
            if (actual[i] != expected) {
                throw new AssertionError(method + " at " + a[i] + ", " + b[i] + ": " + actual[i] + " where " + expected
                        + " is right (seed " + seed + ")");
            }
        }
    }

    private static void assertEach(String method, long[] a, long[] b, long[] actual, LongBinaryOperator reference) {
        for (int i = 0; i < a.length; i++) {
            long expected = reference.applyAsLong(a[i], b[i]);
            if (actual[i] != expected) {
                throw new AssertionError(method + " at " + a[i] + ", " + b[i] + ": " + actual[i] + " where " + expected
                        + " is right (seed " + seed + ")");
            }
        }
    }

    /** The same value, or the same exception with the same message, from both. */
    private static void assertExactly(Callable<Number> expected,
            Callable<Number> actual, String call) {
        Function<Callable<Number>, String> outcome = c -> {
            try {
                return String.valueOf(c.call());
            } catch (Exception e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        };
        assertEquals(outcome.apply(expected), outcome.apply(actual), call + " (seed " + seed + ")");
    }

    /** The reference of {@code Math.ceilDiv} (JDK 18): the truncated quotient, one up when it was rounded down. */
    private static long ceilDiv(long x, long y) {
        BigInteger[] qr = BigInteger.valueOf(x).divideAndRemainder(BigInteger.valueOf(y));
        boolean roundedDown = qr[1].signum() != 0 && (x < 0) == (y < 0);
        return (roundedDown ? qr[0].add(BigInteger.ONE) : qr[0]).longValue();
    }

    /** The reference of {@code Math.ceilMod} (JDK 18): {@code x - ceilDiv(x, y)·y}, exactly. */
    private static long ceilMod(long x, long y) {
        BigInteger[] qr = BigInteger.valueOf(x).divideAndRemainder(BigInteger.valueOf(y));
        boolean roundedDown = qr[1].signum() != 0 && (x < 0) == (y < 0);
        BigInteger q = roundedDown ? qr[0].add(BigInteger.ONE) : qr[0];
        return BigInteger.valueOf(x).subtract(q.multiply(BigInteger.valueOf(y))).longValue();
    }

    /** The reference of {@code divideExact}, {@code floorDivExact} and {@code ceilDivExact} (JDK 18). */
    private static Number exactQuotient(long x, long y, int bits, Rounding rounding) {
        if (y == 0) {
            throw new ArithmeticException("/ by zero");
        }
        BigInteger[] qr = BigInteger.valueOf(x).divideAndRemainder(BigInteger.valueOf(y));
        boolean inexact = qr[1].signum() != 0;
        boolean sameSigns = (x < 0) == (y < 0);
        BigInteger q = rounding == Rounding.FLOOR && inexact && !sameSigns ? qr[0].subtract(BigInteger.ONE)
                : rounding == Rounding.CEILING && inexact && sameSigns ? qr[0].add(BigInteger.ONE) : qr[0];
        if (q.bitLength() >= bits) {
            throw new ArithmeticException(bits == 32 ? "integer overflow" : "long overflow");
        }
        return bits == 32 ? (Number) q.intValue() : (Number) q.longValue();
    }

    /** The reference of {@code Math.unsignedMultiplyHigh} (JDK 18). */
    private static long unsignedMultiplyHigh(long x, long y) {
        return unsigned(x).multiply(unsigned(y)).shiftRight(64).longValue();
    }

    private static BigInteger unsigned(long x) {
        return x >= 0 ? BigInteger.valueOf(x) : BigInteger.valueOf(x).add(TWO_64);
    }

    /** The reference of {@code Math.clamp} (JDK 21). */
    private static long clamp(long value, long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        return Math.min(max, Math.max(value, min));
    }
}
