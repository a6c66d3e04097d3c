package io.neuraladder.compose;

import java.math.BigInteger;

/**
 * Montgomery's multiplication modulo an odd {@code m}: products reduced without dividing by
 * {@code m}, for {@link BigArithmetic#modPow}. With {@code R = 2^r} ({@code r} the modulus's length),
 * a residue {@code x} is held as {@code x·R mod m}; the product of two such is reduced by
 * {@link #reduce}: for {@code 0 ≤ t < m·R}, {@code μ = (t mod R)·m' mod R} with
 * {@code m' = −m⁻¹ mod R} makes {@code t + μ·m} a multiple of {@code R}, and
 * {@code u = (t + μ·m) / R} is {@code t·R⁻¹ mod m} or that plus {@code m} ({@code u < 2m}), which
 * one subtraction settles. Every product, sum and difference is the certified networks'; Java only
 * masks low bits ({@code mod R}), shifts ({@code / R}) and picks by a sign (docs/certification.md).
 */
final class Montgomery {

    private final ReloadableAdder adder;
    private final ReloadableSubtractor subtractor;
    private final BigInteger m;
    private final int r;
    private final BigInteger negatedInverse;

    /** Multiplication modulo the odd {@code m > 1}, {@code −m⁻¹ mod R} found by Newton's iteration. */
    Montgomery(ReloadableAdder adder, ReloadableSubtractor subtractor, BigInteger m) {
        this(adder, subtractor, m, null);
    }

    /** The same with {@code m' = −m⁻¹ mod R} given; {@code null} to compute it. */
    Montgomery(ReloadableAdder adder, ReloadableSubtractor subtractor, BigInteger m, BigInteger negatedInverse) {
        if (m.signum() <= 0 || !m.testBit(0) || m.bitLength() < 2) {
            throw new IllegalArgumentException("Montgomery's multiplication needs an odd modulus above 1, not " + m);
        }
        this.adder = adder;
        this.subtractor = subtractor;
        this.m = m;
        this.r = m.bitLength();
        this.negatedInverse = negatedInverse != null ? negatedInverse : negatedInverse();
    }

    /** {@code R}'s exponent: residues in Montgomery's form are {@code x·2^r mod m}. */
    int r() {
        return r;
    }

    /** {@code x·y·R⁻¹ mod m} for {@code 0 ≤ x, y < m}: two residues in Montgomery's form multiplied, in it. */
    BigInteger multiply(BigInteger x, BigInteger y) {
        return reduce(Multiplier.multiply(adder, x, y));
    }

    /** {@code t·R⁻¹ mod m} in {@code [0, m)}, for {@code 0 ≤ t < m·R}. */
    BigInteger reduce(BigInteger t) {
        BigInteger mu = low(Multiplier.multiply(adder, low(t, r), negatedInverse), r);
        BigInteger u = adder.add(t, Multiplier.multiply(adder, mu, m)).shiftRight(r);
        BigInteger less = subtractor.subtract(u, m);
        return less.signum() >= 0 ? less : u;
    }

    /**
     * {@code −m⁻¹ mod R}: from {@code x = 1} (right mod 2, as {@code m} is odd), Newton's step
     * {@code x ← x·(2 − m·x)} doubles the bits where {@code m·x ≡ 1}, since
     * {@code 1 − m·x' = (1 − m·x)²}; then {@code 0 − x}.
     */
    private BigInteger negatedInverse() {
        BigInteger x = BigInteger.ONE;
        for (int bits = 1; bits < r; ) {
            bits = Math.min(2 * bits, r);
            BigInteger mx = low(Multiplier.multiply(adder, low(m, bits), x), bits);
            x = low(Multiplier.multiply(adder, x, subtractor.subtract(BigInteger.TWO, mx)), bits);
        }
        return low(subtractor.subtract(BigInteger.ZERO, x), r);
    }

    /** {@code x mod 2^bits}: its low bits, as two's complement has them. */
    private static BigInteger low(BigInteger x, int bits) {
        return x.and(BigInteger.ZERO.not().shiftLeft(bits).not());
    }
}
