package io.neuraladder.compose;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Restoring division of non-negative integers, {@code k} quotient bits per run of the certified
 * subtractor: with the partial remainder {@code R < b}, the next {@code k} dividend bits brought
 * down give {@code R' = 2^k·R + d < 2^k·b}, and one batched run computes {@code R' − j·b} exactly
 * for {@code j = 1 … 2^k − 1}. The differences fall as {@code j} grows, so the largest {@code j}
 * whose difference is not negative is the quotient digit and its difference the next remainder
 * ({@code R'} itself when none is). The multiples are wiring and differences: an even multiple is
 * a shift of its half, an odd one {@code j·b = 2·((j + 1)/2)·b − b}. The first partial remainder is
 * the dividend's bits above every quotient digit, fewer than {@code b}'s, so smaller than
 * {@code b}. After the last digit, {@code a = q·b + R} with {@code 0 ≤ R < b}.
 *
 * <p>Served with {@code k = 3} for a divisor under {@value #NARROW_DIVISOR_BITS} bits and a quotient
 * of at least {@value #LONG_QUOTIENT_BITS} bits, else {@code k = 1} ({@link #servedDigitBits}): a run
 * of seven such narrow differences costs about what one costs, so three bits per run took 0.57–0.67×
 * the time for 32- to 128-bit divisors; from about 256 bits a run's cost grows with its pairs
 * ({@code k = 3} took 1.1–1.5× at 256 to 512 bits), and a short quotient does not repay the three
 * runs that make {@code 3b}, {@code 5b} and {@code 7b} (docs/performance.md).
 */
final class RadixDivision {

    /** Divisors shorter than this take three quotient bits per run (with a long quotient). */
    static final int NARROW_DIVISOR_BITS = 240;

    /** Quotients at least this long take three bits per run (by a narrow divisor). */
    static final int LONG_QUOTIENT_BITS = 16;

    /** Exact differences {@code a[i] − b[i]}, in one batched run of the certified subtractor. */
    @FunctionalInterface
    interface Differences {
        BigInteger[] of(BigInteger[] a, BigInteger[] b);
    }

    private RadixDivision() {}

    /** {@code {a / b, a % b}} for {@code a ≥ 0} and {@code b > 0}, {@code digitBits} (1 to 4) quotient bits per run. */
    static BigInteger[] divide(Differences differences, BigInteger a, BigInteger b, int digitBits) {
        if (digitBits < 1 || digitBits > 4) {
            throw new IllegalArgumentException("1 to 4 quotient bits per run, not " + digitBits);
        }
        int topQuotientBit = a.bitLength() - b.bitLength();
        if (topQuotientBit < 0) {
            return new BigInteger[] {BigInteger.ZERO, a};
        }
        BigInteger[] multiples = multiples(differences, b, (1 << digitBits) - 1);
        int digits = topQuotientBit / digitBits + 1;
        BigInteger remainder = a.shiftRight(digits * digitBits);
        BigInteger quotient = BigInteger.ZERO;
        for (int digit = digits - 1; digit >= 0; digit--) {
            BigInteger broughtDown = remainder.shiftLeft(digitBits);
            for (int bit = 0; bit < digitBits; bit++) {
                if (a.testBit(digit * digitBits + bit)) {
                    broughtDown = broughtDown.setBit(bit);
                }
            }
            BigInteger[] partial = new BigInteger[multiples.length];
            Arrays.fill(partial, broughtDown);
            BigInteger[] left = differences.of(partial, multiples);
            remainder = broughtDown;
            for (int j = multiples.length; j >= 1; j--) {
                if (left[j - 1].signum() >= 0) {
                    remainder = left[j - 1];
                    for (int bit = 0; bit < digitBits; bit++) {
                        if ((j >> bit & 1) == 1) {
                            quotient = quotient.setBit(digit * digitBits + bit);
                        }
                    }
                    break;
                }
            }
        }
        return new BigInteger[] {quotient, remainder};
    }

    /** The quotient bits per run the runtime serves {@code a / b} with: 3 for a long quotient by a narrow divisor, else 1. */
    static int servedDigitBits(BigInteger a, BigInteger b) {
        boolean narrow = b.bitLength() < NARROW_DIVISOR_BITS;
        boolean longQuotient = a.bitLength() - b.bitLength() + 1 >= LONG_QUOTIENT_BITS;
        return narrow && longQuotient ? 3 : 1;
    }

    /** {@code {b, 2b, …, count·b}}: even ones shifted from their halves, odd ones one difference each. */
    private static BigInteger[] multiples(Differences differences, BigInteger b, int count) {
        BigInteger[] multiples = new BigInteger[count];
        multiples[0] = b;
        for (int j = 2; j <= count; j++) {
            multiples[j - 1] = j % 2 == 0 ? multiples[j / 2 - 1].shiftLeft(1)
                    : differences.of(new BigInteger[] {multiples[(j + 1) / 2 - 1].shiftLeft(1)}, new BigInteger[] {b})[0];
        }
        return multiples;
    }
}
