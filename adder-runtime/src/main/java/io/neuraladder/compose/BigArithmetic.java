package io.neuraladder.compose;

import io.neuraladder.common.Checks;
import java.math.BigInteger;

/**
 * {@link BigInteger}'s division family, powers, greatest common divisors, inverses and square
 * roots, wired from the certified subtractor and adder: every sum, difference, comparison and
 * product comes from a certified network call; the Java between the calls only shifts, reads and
 * places bits and chooses results by signs. Each method's argument is in docs/certification.md.
 *
 * <ul>
 *   <li>Division: restoring division of the magnitudes ({@link RadixDivision}), one quotient bit
 *       per subtractor run, or for a long quotient by a long divisor an estimate from Newton's
 *       reciprocal, corrected ({@link ReciprocalDivision}); signs as {@link BigInteger}'s.
 *   <li>gcd: Stein's binary algorithm: shifts, and one or two subtractions per step.
 *   <li>pow and modPow: square and multiply, products by the adder ({@link Multiplier}), modPow
 *       reducing each product Montgomery's way for an odd modulus of more than 64 bits
 *       ({@link Montgomery}), else by the division above; negative exponents through modInverse.
 *   <li>modInverse: the extended Euclidean algorithm on these quotients, products and differences.
 *   <li>sqrt: the digit-by-digit binary square root, one subtraction per result bit, or from 512
 *       bits Newton's step from the root of the top half, corrected ({@link NewtonSquareRoot}).
 * </ul>
 */
public final class BigArithmetic {

    /** The longest dividend (and square root argument): one subtractor run per quotient bit, in sequence. */
    public static final int MAX_DIVIDEND_BITS = 1 << 15;

    /** The longest modulus of {@link #modPow} and {@link #modInverse}: its residues' products are divided by it. */
    public static final int MAX_MODULUS_BITS = MAX_DIVIDEND_BITS / 2;

    /** The longest power {@link #pow} computes: its last product's factors are half as long. */
    public static final int MAX_POWER_BITS = MAX_DIVIDEND_BITS;

    /** The longest exponent of {@link #modPow}: each of its bits costs up to two products and two divisions. */
    public static final int MAX_EXPONENT_BITS = 64;

    /**
     * Odd moduli longer than this are reduced Montgomery's way in {@link #modPow} (1.5 to 2.8 times
     * faster than division from 128 to 1,024 bits), shorter ones by division.
     */
    static final int MONTGOMERY_ABOVE_BITS = 64;

    private final ReloadableSubtractor subtractor;
    private final ReloadableAdder adder;
    private final RadixDivision.Differences differences;
    private final ReciprocalDivision reciprocalDivision;
    private final NewtonSquareRoot squareRoot;

    /** The family computed by these certified networks. */
    public BigArithmetic(ReloadableSubtractor subtractor, ReloadableAdder adder) {
        this.subtractor = subtractor;
        this.adder = adder;
        this.differences = (x, y) -> x.length == 1 ? new BigInteger[] {subtractor.subtract(x[0], y[0])}
                : subtractor.engine().call(engine -> engine.exact(x, y));
        this.reciprocalDivision = new ReciprocalDivision(adder, subtractor, differences);
        this.squareRoot = new NewtonSquareRoot(adder, subtractor, (a, b) -> divideMagnitudes(a, b)[0],
                this::sqrtDigitByDigit);
    }

    /** Like {@link BigInteger#divideAndRemainder}: {@code {a / b, a % b}}, truncated toward zero. */
    public BigInteger[] divideAndRemainder(BigInteger a, BigInteger b) {
        Checks.requireBitsAtMost(a, b, MAX_DIVIDEND_BITS, "divided, up to one subtractor run per quotient bit");
        if (b.signum() == 0) {
            throw new ArithmeticException("BigInteger divide by zero");
        }
        BigInteger[] magnitudes = divideMagnitudes(abs(a), abs(b));
        boolean negativeQuotient = (a.signum() < 0) != (b.signum() < 0);
        return new BigInteger[] {negativeQuotient ? negate(magnitudes[0]) : magnitudes[0],
            a.signum() < 0 ? negate(magnitudes[1]) : magnitudes[1]};
    }

    /** Like {@link BigInteger#divide}. */
    public BigInteger divide(BigInteger a, BigInteger b) {
        return divideAndRemainder(a, b)[0];
    }

    /** Like {@link BigInteger#remainder}. */
    public BigInteger remainder(BigInteger a, BigInteger b) {
        return divideAndRemainder(a, b)[1];
    }

    /** Like {@link BigInteger#mod}: the remainder in {@code [0, m)}, for a positive modulus. */
    public BigInteger mod(BigInteger a, BigInteger m) {
        Checks.requireBitsAtMost(a, m, MAX_DIVIDEND_BITS, "divided, up to one subtractor run per quotient bit");
        requirePositiveModulus(m);
        BigInteger magnitude = divideMagnitudes(abs(a), m)[1];
        return a.signum() >= 0 || magnitude.signum() == 0 ? magnitude : subtractor.subtract(m, magnitude);
    }

    /** Like {@link BigInteger#gcd}: the greatest common divisor of the magnitudes, 0 for {@code gcd(0, 0)}. */
    public BigInteger gcd(BigInteger a, BigInteger b) {
        Checks.requireBitsAtMost(a, b, MAX_DIVIDEND_BITS, "reduced, one subtractor run per step");
        BigInteger u = abs(a);
        BigInteger v = abs(b);
        if (u.signum() == 0) {
            return v;
        }
        if (v.signum() == 0) {
            return u;
        }
        int shift = Math.min(u.getLowestSetBit(), v.getLowestSetBit());
        u = u.shiftRight(u.getLowestSetBit());
        while (v.signum() != 0) {
            v = v.shiftRight(v.getLowestSetBit());
            BigInteger difference = subtractor.subtract(v, u);
            if (difference.signum() < 0) {
                BigInteger smaller = v;
                v = subtractor.subtract(u, v);
                u = smaller;
            } else {
                v = difference;
            }
        }
        return u.shiftLeft(shift);
    }

    /** Like {@link BigInteger#pow}, for results of at most {@link #MAX_POWER_BITS} bits. */
    public BigInteger pow(BigInteger a, int exponent) {
        if (exponent < 0) {
            throw new ArithmeticException("Negative exponent");
        }
        // |a|'s length, read from a's bits: a negative power of two is one bit longer negated.
        int magnitudeBits = a.signum() < 0 && a.getLowestSetBit() == a.bitLength() ? a.bitLength() + 1 : a.bitLength();
        long bound = (long) magnitudeBits * exponent;
        if (bound > MAX_POWER_BITS && magnitudeBits > 1) {
            throw new IllegalArgumentException("a power of a " + a.bitLength() + "-bit number to " + exponent
                    + " can have " + bound + " bits; at most " + MAX_POWER_BITS + " are computed, so that the squarings "
                    + "stay within seconds");
        }
        BigInteger result = BigInteger.ONE;
        BigInteger square = a;
        for (int e = exponent; e > 0; e >>>= 1) {
            if ((e & 1) == 1) {
                result = Multiplier.multiply(adder, result, square);
            }
            if (e > 1) {
                square = Multiplier.multiply(adder, square, square);
            }
        }
        return result;
    }

    /**
     * Like {@link BigInteger#modPow}: {@code a^e mod m} in {@code [0, m)} for a positive modulus of
     * at most {@value #MAX_MODULUS_BITS} bits and an exponent of at most {@value #MAX_EXPONENT_BITS}
     * bits; a negative exponent through {@link #modInverse}.
     */
    public BigInteger modPow(BigInteger a, BigInteger exponent, BigInteger m) {
        requirePositiveModulus(m);
        Checks.requireBitsAtMost(m, BigInteger.ZERO, MAX_MODULUS_BITS, "a modulus, so that residues' products "
                + "stay within the multiplier's factors");
        if (exponent.bitLength() > MAX_EXPONENT_BITS) {
            throw new IllegalArgumentException("the exponent has " + exponent.bitLength() + " bits; at most "
                    + MAX_EXPONENT_BITS + " are taken, as each costs up to two products and two divisions by the "
                    + "networks");
        }
        if (m.equals(BigInteger.ONE)) {
            return BigInteger.ZERO;
        }
        BigInteger base = exponent.signum() < 0 ? modInverse(a, m) : mod(a, m);
        BigInteger e = abs(exponent);
        if (e.signum() == 0) {
            return BigInteger.ONE;
        }
        if (m.testBit(0) && m.bitLength() > MONTGOMERY_ABOVE_BITS) {
            return montgomeryPower(base, e, m);
        }
        BigInteger result = BigInteger.ONE;
        for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
            result = mod(Multiplier.multiply(adder, result, result), m);
            if (e.testBit(bit)) {
                result = mod(Multiplier.multiply(adder, result, base), m);
            }
        }
        return result;
    }

    /**
     * {@code base^e mod m} for an odd {@code m}, {@code 0 ≤ base < m} and {@code e > 0}, square and
     * multiply on residues in Montgomery's form: one division brings the base in, none after it.
     */
    private BigInteger montgomeryPower(BigInteger base, BigInteger e, BigInteger m) {
        Montgomery montgomery = new Montgomery(adder, subtractor, m);
        BigInteger baseForm = mod(base.shiftLeft(montgomery.r()), m);
        BigInteger result = baseForm;
        for (int bit = e.bitLength() - 2; bit >= 0; bit--) {
            result = montgomery.multiply(result, result);
            if (e.testBit(bit)) {
                result = montgomery.multiply(result, baseForm);
            }
        }
        return montgomery.reduce(result);
    }

    /** Like {@link BigInteger#modInverse}: {@code x} in {@code [0, m)} with {@code a·x ≡ 1 (mod m)}. */
    public BigInteger modInverse(BigInteger a, BigInteger m) {
        requirePositiveModulus(m);
        Checks.requireBitsAtMost(m, BigInteger.ZERO, MAX_MODULUS_BITS, "a modulus, so that the coefficients' "
                + "products stay within the multiplier's factors");
        if (m.equals(BigInteger.ONE)) {
            return BigInteger.ZERO;
        }
        BigInteger r0 = m;
        BigInteger r1 = mod(a, m);
        BigInteger t0 = BigInteger.ZERO;
        BigInteger t1 = BigInteger.ONE;
        while (r1.signum() != 0) {
            BigInteger[] qr = divideMagnitudes(r0, r1);
            BigInteger t2 = subtractor.subtract(t0, Multiplier.multiply(adder, qr[0], t1));
            r0 = r1;
            r1 = qr[1];
            t0 = t1;
            t1 = t2;
        }
        if (!r0.equals(BigInteger.ONE)) {
            throw new ArithmeticException("BigInteger not invertible.");
        }
        return t0.signum() < 0 ? subtractor.subtract(t0, negate(m)) : t0;
    }

    /** Like {@link BigInteger#sqrt}: the largest integer whose square is at most {@code a}. */
    public BigInteger sqrt(BigInteger a) {
        Checks.requireBitsAtMost(a, BigInteger.ZERO, MAX_DIVIDEND_BITS, "rooted, up to one subtractor run per result bit");
        if (a.signum() < 0) {
            throw new ArithmeticException("Negative BigInteger");
        }
        return squareRoot.sqrt(a);
    }

    /** {@code ⌊√a⌋} for {@code a ≥ 0}, one subtraction per result bit. */
    private BigInteger sqrtDigitByDigit(BigInteger a) {
        BigInteger remainder = a;
        BigInteger root = BigInteger.ZERO;
        for (int position = (a.bitLength() - 1) & ~1; position >= 0; position -= 2) {
            // root holds the partial root shifted left by position + 1, so root + 4^(position/2) is root | bit.
            BigInteger trial = root.setBit(position);
            BigInteger difference = subtractor.subtract(remainder, trial);
            root = root.shiftRight(1);
            if (difference.signum() >= 0) {
                remainder = difference;
                root = root.setBit(position);
            }
        }
        return root;
    }

    /**
     * {@code {a / b, a % b}} for {@code a ≥ 0} and {@code b > 0}: a long quotient by a long divisor
     * from a reciprocal ({@link ReciprocalDivision}), any other bit by bit ({@link RadixDivision}).
     */
    private BigInteger[] divideMagnitudes(BigInteger a, BigInteger b) {
        return ReciprocalDivision.suits(a, b) ? reciprocalDivision.divide(a, b)
                : RadixDivision.divide(differences, a, b, RadixDivision.servedDigitBits(a, b));
    }

    private BigInteger abs(BigInteger a) {
        return a.signum() < 0 ? negate(a) : a;
    }

    private BigInteger negate(BigInteger a) {
        return subtractor.subtract(BigInteger.ZERO, a);
    }

    private static void requirePositiveModulus(BigInteger m) {
        if (m.signum() <= 0) {
            throw new ArithmeticException("BigInteger: modulus not positive");
        }
    }
}
