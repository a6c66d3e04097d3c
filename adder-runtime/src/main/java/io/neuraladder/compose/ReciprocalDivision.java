package io.neuraladder.compose;

import java.math.BigInteger;

/**
 * Long division by an estimate and its correction: a quotient estimate from a reciprocal of the
 * divisor found by Newton's iteration, then the exact remainder {@code r = a − q·b} and corrections
 * by {@code ±b} until {@code 0 ≤ r < b}. Every product, sum and difference is a certified network
 * call ({@link Multiplier}, the adder, the subtractor); Java only shifts, places bits and reads signs.
 *
 * <p>The result does not rest on the estimate: whatever {@code q} the estimate gives, the loop ends
 * only with {@code a = q·b + r} (each step keeps it: {@code r + b} with {@code q − 1}, or
 * {@code r − b} with {@code q + 1}) and {@code 0 ≤ r < b}, which define the quotient and remainder.
 * The estimate only sets how many corrections run; past {@value #MAX_CORRECTIONS} of them (never seen)
 * the division falls back to {@link RadixDivision}'s bit by bit.
 *
 * <p>The reciprocal: with {@code b_p} the divisor's top {@code p} bits (or the divisor shifted up
 * to {@code p} bits), {@code X_p ≈ 2^(2p)/b_p}. At {@value #BASE_BITS} bits and below it is
 * {@link RadixDivision}'s quotient; above, from {@code y = X_h} at {@code h = ⌊p/2⌋ + }{@value #GUARD_BITS}
 * bits, so that {@code b_p·y ≈ 2^(p+h)}: Newton's step {@code X_p = y·2^(p−h) + y·e/2^(2h)} with
 * {@code e = 2^(p+h) − b_p·y}, {@code e}'s low bits dropped. The error about squares each step; the
 * guard bits keep the estimate within a few units of the quotient.
 */
final class ReciprocalDivision {

    /** Quotients and divisors both at least this long are divided here; shorter ones by {@link RadixDivision}. */
    static final int FROM_BITS = 256;

    /** Reciprocals of at most this many bits come from {@link RadixDivision} directly. */
    static final int BASE_BITS = 64;

    /** Extra bits each Newton step carries past half its precision. */
    static final int GUARD_BITS = 8;

    /** Corrections after which the estimate is abandoned for {@link RadixDivision}. */
    static final int MAX_CORRECTIONS = 16;

    private final ReloadableAdder adder;
    private final ReloadableSubtractor subtractor;
    private final RadixDivision.Differences differences;

    /** Division by these certified networks; {@code differences} runs the subtractor on a batch. */
    ReciprocalDivision(ReloadableAdder adder, ReloadableSubtractor subtractor, RadixDivision.Differences differences) {
        this.adder = adder;
        this.subtractor = subtractor;
        this.differences = differences;
    }

    /** Whether {@link #divide} pays for {@code a / b} ({@code a ≥ b > 0}): a long quotient by a long divisor. */
    static boolean suits(BigInteger a, BigInteger b) {
        return b.bitLength() >= FROM_BITS && a.bitLength() - b.bitLength() + 1 >= FROM_BITS;
    }

    /** {@code {a / b, a % b}} for {@code a ≥ 0} and {@code b > 0}. */
    BigInteger[] divide(BigInteger a, BigInteger b) {
        if (a.bitLength() < b.bitLength()) {
            return new BigInteger[] {BigInteger.ZERO, a};
        }
        return corrected(a, b, estimate(a, b));
    }

    /**
     * The quotient estimate {@code ⌊⌊a / 2^(n−1)⌋·X_p / 2^(p+1)⌋}, with {@code n} the divisor's
     * bits and {@code p} one more than the quotient's at most, so that {@code X_p ≈ 2^(p+n)/b}.
     */
    BigInteger estimate(BigInteger a, BigInteger b) {
        int n = b.bitLength();
        int p = a.bitLength() - n + 2;
        BigInteger reciprocal = reciprocal(b, p);
        return Multiplier.multiply(adder, a.shiftRight(n - 1), reciprocal).shiftRight(p + 1);
    }

    /** The quotient and remainder from any estimate {@code q} of the quotient, corrected by {@code ±b}. */
    BigInteger[] corrected(BigInteger a, BigInteger b, BigInteger q) {
        BigInteger remainder = subtractor.subtract(a, Multiplier.multiply(adder, q, b));
        for (int corrections = 0; corrections < MAX_CORRECTIONS; corrections++) {
            if (remainder.signum() < 0) {
                remainder = adder.add(remainder, b);
                q = subtractor.subtract(q, BigInteger.ONE);
            } else {
                BigInteger less = subtractor.subtract(remainder, b);
                if (less.signum() < 0) {
                    return new BigInteger[] {q, remainder};
                }
                remainder = less;
                q = adder.add(q, BigInteger.ONE);
            }
        }
        return RadixDivision.divide(differences, a, b, RadixDivision.servedDigitBits(a, b));
    }

    /** {@code X_p ≈ 2^(2p)/b_p}, {@code b_p} the top {@code p} bits of {@code b} (or {@code b} shifted up to {@code p} bits). */
    private BigInteger reciprocal(BigInteger b, int p) {
        BigInteger top = topBits(b, p);
        if (p <= BASE_BITS) {
            BigInteger power = BigInteger.ONE.shiftLeft(2 * p);
            return RadixDivision.divide(differences, power, top, RadixDivision.servedDigitBits(power, top))[0];
        }
        int h = p / 2 + GUARD_BITS;
        BigInteger y = reciprocal(b, h);
        BigInteger error = subtractor.subtract(BigInteger.ONE.shiftLeft(p + h), Multiplier.multiply(adder, top, y));
        BigInteger correction = Multiplier.multiply(adder, y, error.shiftRight(h - GUARD_BITS)).shiftRight(h + GUARD_BITS);
        return adder.add(y.shiftLeft(p - h), correction);
    }

    /** {@code b}'s top {@code p} bits, or {@code b} shifted up to {@code p} bits. */
    private static BigInteger topBits(BigInteger b, int p) {
        int n = b.bitLength();
        return p <= n ? b.shiftRight(n - p) : b.shiftLeft(p - n);
    }
}
