package io.neuraladder.compose;

import io.neuraladder.engine.OperatorEngine;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Math#floorDiv}, {@link Math#floorMod} and their ceiling twins wired from a certified
 * subtractor: restoring division of the operands' magnitudes, one bit of the quotient per step,
 * from the highest bit that can be 1 (the dividend's length less the divisor's). Each step shifts the
 * partial remainder left and brings down the dividend's next bit (wiring), subtracts the divisor
 * (the subtractor, on numbers two bits wider than the operands, so that the difference's sign is
 * exact) and keeps the difference where its sign bit says it is not negative, setting the
 * quotient's bit. Magnitudes, negations and the floor corrections are the subtractor's too (the
 * magnitudes in one run, the corrections in another); the
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
     * {@code {q, m}} with {@code a = q·b + m}, exactly (so {@code q} is 2^31 for an int
     * {@code MIN_VALUE / -1}), for divisors already checked to be nonzero.
     */
    static BigInteger[][] divide(OperatorEngine subtractor, long[] a, long[] b, Rounding rounding) {
        int n = a.length;
        if (n == 0) {
            return new BigInteger[0][];
        }
        Differences magnitudes = new Differences(n);
        int dividends = negations(magnitudes, a);
        int divisors = negations(magnitudes, b);
        magnitudes.run(subtractor);
        BigInteger[] dividend = magnitudes(magnitudes, dividends, a);
        BigInteger[] divisor = magnitudes(magnitudes, divisors, b);
        // Quotient bits above |a|'s length less |b|'s are 0: |a|'s bits above them start the remainder.
        int top = -1;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, dividend[i].bitLength() - divisor[i].bitLength());
        }
        BigInteger[] remainder = new BigInteger[n];
        BigInteger[] quotient = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            remainder[i] = dividend[i].shiftRight(top + 1);
            quotient[i] = BigInteger.ZERO;
        }
        for (int bit = top; bit >= 0; bit--) {
            BigInteger[] shifted = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                shifted[i] = dividend[i].testBit(bit) ? remainder[i].shiftLeft(1).setBit(0)
                        : remainder[i].shiftLeft(1);
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
        return rounded(subtractor, a, b, quotient, remainder, divisor, rounding);
    }

    /**
     * The quotients and remainders rounded as {@code rounding} says, from the magnitudes' truncated
     * ones: the differences they need, all in one subtractor run.
     */
    private static BigInteger[][] rounded(OperatorEngine subtractor, long[] a, long[] b, BigInteger[] quotient,
            BigInteger[] remainder, BigInteger[] divisor, Rounding rounding) {
        int n = a.length;
        boolean anyNegative = false;
        for (int i = 0; i < n; i++) {
            anyNegative |= a[i] < 0 || b[i] < 0;
        }
        boolean ceiling = rounding == Rounding.CEILING;
        boolean offsets = rounding != Rounding.TRUNCATE && (anyNegative || ceiling);
        Differences corrections = new Differences(n);
        int negatedQuotient = anyNegative ? corrections.add(zeros(n), quotient) : -1;
        int nextQuotient = ceiling ? corrections.add(quotient, minusOnes(n)) : -1;
        int negatedRemainder = anyNegative ? corrections.add(zeros(n), remainder) : -1;
        int divisorLessRemainder = offsets ? corrections.add(divisor, remainder) : -1;
        int remainderLessDivisor = offsets ? corrections.add(remainder, divisor) : -1;
        corrections.run(subtractor);
        BigInteger[][] results = new BigInteger[n][];
        for (int i = 0; i < n; i++) {
            boolean signsDiffer = (a[i] < 0) != (b[i] < 0);
            boolean exact = remainder[i].signum() == 0;
            BigInteger q;
            BigInteger m;
            if (exact) {
                q = signsDiffer ? corrections.get(negatedQuotient, i) : quotient[i];
                m = BigInteger.ZERO;
            } else if (rounding == Rounding.FLOOR) {
                q = signsDiffer ? quotient[i].not() : quotient[i];
                m = b[i] > 0 ? (a[i] >= 0 ? remainder[i] : corrections.get(divisorLessRemainder, i))
                        : (a[i] >= 0 ? corrections.get(remainderLessDivisor, i)
                                : corrections.get(negatedRemainder, i));
            } else if (ceiling) {
                q = signsDiffer ? corrections.get(negatedQuotient, i) : corrections.get(nextQuotient, i);
                m = signsDiffer ? (a[i] >= 0 ? remainder[i] : corrections.get(negatedRemainder, i))
                        : (a[i] >= 0 ? corrections.get(remainderLessDivisor, i)
                                : corrections.get(divisorLessRemainder, i));
            } else {
                q = signsDiffer ? corrections.get(negatedQuotient, i) : quotient[i];
                m = a[i] >= 0 ? remainder[i] : corrections.get(negatedRemainder, i);
            }
            results[i] = new BigInteger[] {q, m};
        }
        return results;
    }

    /** Adds {@code 0 − x} for each {@code x} to {@code differences} if any is negative; returns the slot, or −1. */
    private static int negations(Differences differences, long[] x) {
        boolean anyNegative = false;
        for (long value : x) {
            anyNegative |= value < 0;
        }
        return anyNegative ? differences.add(zeros(x.length), values(x)) : -1;
    }

    /**
     * {@code |x|} for each: {@code x} where its sign bit is clear, else the subtractor's {@code 0 − x}
     * from {@code slot}.
     */
    private static BigInteger[] magnitudes(Differences differences, int slot, long[] x) {
        BigInteger[] values = values(x);
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                values[i] = differences.get(slot, i);
            }
        }
        return values;
    }

    private static BigInteger[] values(long[] x) {
        BigInteger[] values = new BigInteger[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = BigInteger.valueOf(x[i]);
        }
        return values;
    }

    /** Differences gathered slot by slot ({@code n} pairs each) and computed in one subtractor run. */
    private static final class Differences {
        private final int n;
        private final List<BigInteger> left = new ArrayList<>();
        private final List<BigInteger> right = new ArrayList<>();
        private BigInteger[] results;

        Differences(int n) {
            this.n = n;
        }

        /** Adds {@code a[i] − b[i]} for every {@code i}; returns the slot to read them from. */
        int add(BigInteger[] a, BigInteger[] b) {
            left.addAll(Arrays.asList(a));
            right.addAll(Arrays.asList(b));
            return left.size() / n - 1;
        }

        void run(OperatorEngine subtractor) {
            results = left.isEmpty() ? new BigInteger[0]
                    : subtractor.exact(left.toArray(BigInteger[]::new), right.toArray(BigInteger[]::new));
        }

        BigInteger get(int slot, int i) {
            return results[slot * n + i];
        }
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
