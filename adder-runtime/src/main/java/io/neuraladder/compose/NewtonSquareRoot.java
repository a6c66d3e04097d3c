package io.neuraladder.compose;

import java.math.BigInteger;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Square roots of long integers by Newton's step from the root of their top half, then a
 * correction: every product, sum, difference and quotient is a certified network call
 * ({@link Multiplier}, the adder, the subtractor, the division of {@link BigArithmetic}); Java only
 * shifts, places bits and reads signs.
 *
 * <p>The result does not rest on the estimate: from any {@code r}, the exact {@code d = a − r²}
 * is kept through each correction ({@code r − 1} with {@code d + 2(r − 1) + 1} while {@code d < 0};
 * {@code r + 1} with {@code d − (2r + 1)} while that is not negative), so the loop ends only with
 * {@code r² ≤ a < (r + 1)²}, which defines {@code ⌊√a⌋}. Past {@value #MAX_CORRECTIONS}
 * corrections (never seen) the root is taken digit by digit instead.
 *
 * <p>The estimate: with {@code s} an even shift that leaves about half of {@code a}'s bits,
 * {@code t = ⌊√(a >> s)⌋·2^(s/2)} (recursively) is at most {@code √a} and within {@code 2^(s/2)}
 * of it, and Newton's step {@code (t + ⌊a/t⌋)/2} squares that error away, to within a few units.
 */
final class NewtonSquareRoot {

    /** Radicands at least this long are rooted here; shorter ones digit by digit. */
    static final int FROM_BITS = 2 * ReciprocalDivision.FROM_BITS;

    /** Corrections after which the estimate is abandoned for the digit-by-digit root. */
    static final int MAX_CORRECTIONS = 16;

    private final ReloadableAdder adder;
    private final ReloadableSubtractor subtractor;
    private final BinaryOperator<BigInteger> quotient;
    private final UnaryOperator<BigInteger> digitByDigit;

    /**
     * Roots by these certified networks: {@code quotient} divides non-negative magnitudes,
     * {@code digitByDigit} roots the short radicands.
     */
    NewtonSquareRoot(ReloadableAdder adder, ReloadableSubtractor subtractor, BinaryOperator<BigInteger> quotient,
            UnaryOperator<BigInteger> digitByDigit) {
        this.adder = adder;
        this.subtractor = subtractor;
        this.quotient = quotient;
        this.digitByDigit = digitByDigit;
    }

    /** {@code ⌊√a⌋} for {@code a ≥ 0}. */
    BigInteger sqrt(BigInteger a) {
        return a.bitLength() < FROM_BITS ? digitByDigit.apply(a) : corrected(a, estimate(a));
    }

    /** Newton's step from the root of {@code a}'s top half: within a few units of {@code ⌊√a⌋}. */
    BigInteger estimate(BigInteger a) {
        int shift = a.bitLength() / 4 * 2;
        BigInteger top = sqrt(a.shiftRight(shift)).shiftLeft(shift / 2);
        return adder.add(top, quotient.apply(a, top)).shiftRight(1);
    }

    /** {@code ⌊√a⌋} from any estimate {@code r}, corrected one unit at a time. */
    BigInteger corrected(BigInteger a, BigInteger r) {
        BigInteger left = subtractor.subtract(a, Multiplier.multiply(adder, r, r));
        for (int corrections = 0; corrections < MAX_CORRECTIONS; corrections++) {
            if (left.signum() < 0) {
                r = subtractor.subtract(r, BigInteger.ONE);
                left = adder.add(left, r.shiftLeft(1).setBit(0));
            } else {
                BigInteger past = subtractor.subtract(left, r.shiftLeft(1).setBit(0));
                if (past.signum() < 0) {
                    return r;
                }
                r = adder.add(r, BigInteger.ONE);
                left = past;
            }
        }
        return digitByDigit.apply(a);
    }
}
