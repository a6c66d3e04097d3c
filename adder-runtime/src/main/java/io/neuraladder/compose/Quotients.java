package io.neuraladder.compose;

import io.neuraladder.engine.OperatorEngine;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * {@link Math#floorDiv}, {@link Math#floorMod} and their ceiling twins wired from a certified
 * subtractor: restoring division of the operands' magnitudes, one bit of the quotient per step. Each step shifts the
 * partial remainder left and brings down the dividend's next bit (wiring), subtracts the divisor
 * (the subtractor, on numbers two bits wider than the operands, so that the difference's sign is
 * exact) and keeps the difference where its sign bit says it is not negative, setting the
 * quotient's bit. Magnitudes, negations and the floor corrections are the subtractor's too; the
 * floor quotient of operands of different signs with a remainder is {@code −q − 1}, which is
 * {@code ~q}; the ceiling quotient of operands of the same sign with a remainder is
 * {@code q − (−1)}, by the subtractor. Batched: every element of an array advances one bit per
 * subtractor call.
 */
final class Quotients {

    private Quotients() {}

    /**
     * Each pair's quotient rounded as {@code rounding} says and the remainder that goes with it
     * (floor: the divisor's sign; ceiling: the other; truncated: the dividend's),
     * {@code {q, m}} with {@code a = q·b + m}, exactly (so {@code q} is 2^(bits-1) for
     * {@code MIN_VALUE / -1}), for divisors already checked to be nonzero and operands of
     * {@code bits} bits (32 or 64).
     */
    static BigInteger[][] divide(OperatorEngine subtractor, long[] a, long[] b, int bits, Rounding rounding) {
        int n = a.length;
        BigInteger[] dividend = magnitudes(subtractor, a);
        BigInteger[] divisor = magnitudes(subtractor, b);
        BigInteger[] remainder = new BigInteger[n];
        BigInteger[] quotient = new BigInteger[n];
        Arrays.fill(remainder, BigInteger.ZERO);
        Arrays.fill(quotient, BigInteger.ZERO);
        for (int bit = bits - 1; bit >= 0; bit--) {
            BigInteger[] shifted = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                shifted[i] = dividend[i].testBit(bit) ? remainder[i].shiftLeft(1).setBit(0) : remainder[i].shiftLeft(1);
            }
            BigInteger[] difference = subtractor.exact(shifted, divisor);
            for (int i = 0; i < n; i++) {
                if (difference[i].signum() >= 0) {
                    remainder[i] = difference[i];
                    quotient[i] = quotient[i].setBit(bit);
                } else {
                    remainder[i] = shifted[i];
                }
            }
        }
        boolean anyNegative = false;
        for (int i = 0; i < n; i++) {
            anyNegative |= a[i] < 0 || b[i] < 0;
        }
        boolean ceiling = rounding == Rounding.CEILING;
        BigInteger[] negatedQuotient = anyNegative ? subtractor.exact(zeros(n), quotient) : quotient;
        BigInteger[] nextQuotient = ceiling ? subtractor.exact(quotient, minusOnes(n)) : quotient;
        BigInteger[] negatedRemainder = anyNegative ? subtractor.exact(zeros(n), remainder) : remainder;
        boolean offsets = rounding != Rounding.TRUNCATE && (anyNegative || ceiling);
        BigInteger[] divisorLessRemainder = offsets ? subtractor.exact(divisor, remainder) : remainder;
        BigInteger[] remainderLessDivisor = offsets ? subtractor.exact(remainder, divisor) : remainder;
        BigInteger[][] results = new BigInteger[n][];
        for (int i = 0; i < n; i++) {
            boolean signsDiffer = (a[i] < 0) != (b[i] < 0);
            boolean exact = remainder[i].signum() == 0;
            BigInteger q;
            BigInteger m;
            if (exact) {
                q = signsDiffer ? negatedQuotient[i] : quotient[i];
                m = BigInteger.ZERO;
            } else if (rounding == Rounding.FLOOR) {
                q = signsDiffer ? quotient[i].not() : quotient[i];
                m = b[i] > 0 ? (a[i] >= 0 ? remainder[i] : divisorLessRemainder[i])
                        : (a[i] >= 0 ? remainderLessDivisor[i] : negatedRemainder[i]);
            } else if (ceiling) {
                q = signsDiffer ? negatedQuotient[i] : nextQuotient[i];
                m = signsDiffer ? (a[i] >= 0 ? remainder[i] : negatedRemainder[i])
                        : (a[i] >= 0 ? remainderLessDivisor[i] : divisorLessRemainder[i]);
            } else {
                q = signsDiffer ? negatedQuotient[i] : quotient[i];
                m = a[i] >= 0 ? remainder[i] : negatedRemainder[i];
            }
            results[i] = new BigInteger[] {q, m};
        }
        return results;
    }

    /** {@code |x|} for each: {@code x} where its sign bit is clear, else the subtractor's {@code 0 − x}. */
    private static BigInteger[] magnitudes(OperatorEngine subtractor, long[] x) {
        BigInteger[] values = new BigInteger[x.length];
        boolean anyNegative = false;
        for (int i = 0; i < x.length; i++) {
            values[i] = BigInteger.valueOf(x[i]);
            anyNegative |= x[i] < 0;
        }
        if (!anyNegative) {
            return values;
        }
        BigInteger[] negated = subtractor.exact(zeros(x.length), values);
        for (int i = 0; i < x.length; i++) {
            values[i] = x[i] < 0 ? negated[i] : values[i];
        }
        return values;
    }

    private static BigInteger[] minusOnes(int n) {
        BigInteger[] minusOnes = new BigInteger[n];
        Arrays.fill(minusOnes, BigInteger.ONE.negate());
        return minusOnes;
    }

    private static BigInteger[] zeros(int n) {
        BigInteger[] zeros = new BigInteger[n];
        Arrays.fill(zeros, BigInteger.ZERO);
        return zeros;
    }
}
