package io.neuraladder.compose;

import io.neuraladder.common.Checks;
import java.math.BigInteger;

/**
 * {@link Math}'s integer division family wired from a certified subtractor ({@link Quotients}'
 * restoring division): floor and ceiling quotients and moduli, and their exact forms, with
 * {@link Math}'s refusal of a zero divisor and its overflow rule. Every quotient and remainder is
 * exact (a {@code BigInteger}) before it is narrowed: a plain quotient wraps as {@link Math}'s does
 * ({@code MIN_VALUE / -1} is {@code MIN_VALUE}), an exact one throws where the true quotient does
 * not fit.
 */
public final class Divider {

    private static final int QUOTIENT = 0;
    private static final int MODULUS = 1;

    private Divider() {}

    /** Like {@link Math#floorDiv(long, long)}; an int caller casts, which wraps {@code MIN_VALUE / -1} as {@code Math} does. */
    public static long floorDiv(ReloadableSubtractor subtractor, long a, long b) {
        return one(subtractor, a, b, Rounding.FLOOR)[QUOTIENT].longValue();
    }

    /** Like {@link Math#floorMod(long, long)}. */
    public static long floorMod(ReloadableSubtractor subtractor, long a, long b) {
        return one(subtractor, a, b, Rounding.FLOOR)[MODULUS].longValue();
    }

    /** Like {@code Math.ceilDiv(long, long)} (JDK 18); an int caller casts, as for {@link #floorDiv}. */
    public static long ceilDiv(ReloadableSubtractor subtractor, long a, long b) {
        return one(subtractor, a, b, Rounding.CEILING)[QUOTIENT].longValue();
    }

    /** Like {@code Math.ceilMod(long, long)} (JDK 18). */
    public static long ceilMod(ReloadableSubtractor subtractor, long a, long b) {
        return one(subtractor, a, b, Rounding.CEILING)[MODULUS].longValue();
    }

    /**
     * The quotient rounded as {@code rounding} says, like {@code Math.divideExact},
     * {@code floorDivExact} and {@code ceilDivExact} (JDK 18): where it fits {@code bits} bits.
     *
     * @throws ArithmeticException {@code "integer overflow"} (32 bits) or {@code "long overflow"}
     *     for {@code MIN_VALUE / -1}, the one quotient that does not fit
     */
    public static long divideExact(ReloadableSubtractor subtractor, long a, long b, int bits, Rounding rounding) {
        BigInteger q = one(subtractor, a, b, rounding)[QUOTIENT];
        if (q.bitLength() >= bits) {
            throw new ArithmeticException(bits == Integer.SIZE ? "integer overflow" : "long overflow");
        }
        return q.longValue();
    }

    /**
     * Each pair's quotient ({@code modulus} false) or modulus, rounded as {@code rounding} says, as
     * {@code Math}'s floor and ceiling methods give them per element (an int caller casts); every
     * element one bit further per subtractor call.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static long[] each(ReloadableSubtractor subtractor, long[] a, long[] b, Rounding rounding,
            boolean modulus) {
        Checks.requireSameLength(a.length, b.length);
        BigInteger[][] results = divide(subtractor, a, b, rounding);
        long[] values = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            values[i] = results[i][modulus ? MODULUS : QUOTIENT].longValue();
        }
        return values;
    }

    private static BigInteger[] one(ReloadableSubtractor subtractor, long a, long b, Rounding rounding) {
        return divide(subtractor, new long[] {a}, new long[] {b}, rounding)[0];
    }

    private static BigInteger[][] divide(ReloadableSubtractor subtractor, long[] a, long[] b, Rounding rounding) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                throw new ArithmeticException(b.length == 1 ? "/ by zero" : "/ by zero at index " + i);
            }
        }
        return subtractor.engine().call(engine -> Quotients.divide(engine, a, b, rounding));
    }
}
