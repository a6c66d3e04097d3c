package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralMath;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Montgomery} on its own, on the bundled certified adder and subtractor, against
 * {@link BigInteger}: {@code reduce(t) = t·R⁻¹ mod m} at the ends of its domain
 * ({@code 0}, {@code 1}, {@code m − 1}, {@code m·R − 1}) and on random {@code t}, for odd moduli
 * just above 64 bits, at powers of two and a few hundred bits long; {@code modPow} through
 * {@link NeuralMath} on those moduli with exponents 0, 1, 2, 65537, random 64-bit and negative ones.
 * A miswired variant, given {@code +m⁻¹} instead of {@code −m⁻¹}, is caught by the same values.
 */
@ExtendWith(BundledNetworks.class)
class MontgomeryTest {

    @Test
    void reduce_isTimesTheInverseOfR_modM(ReloadableAdder adder, ReloadableSubtractor subtractor) {
        assertEquals(0, wrongReductions(adder, subtractor, false));
    }

    @Test
    void theInverseWithoutItsMinus_isCaught(ReloadableAdder adder, ReloadableSubtractor subtractor) {
        assertTrue(wrongReductions(adder, subtractor, true) > 0, "t + μ·m is then no multiple of R, and the check sees it");
    }

    @Test
    void modPow_agreesWithBigInteger_onOddModuliLongerThan64Bits() {
        Random random = new Random(AddExactProperty.seed());
        for (BigInteger m : moduli(random)) {
            BigInteger unit = new BigInteger(m.bitLength() - 1, random).setBit(0);
            while (!unit.gcd(m).equals(BigInteger.ONE)) {
                unit = unit.add(BigInteger.TWO);
            }
            List<BigInteger> exponents = List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                    BigInteger.valueOf(65537), new BigInteger(m.bitLength() < 100 ? 64 : 8, random),
                    BigInteger.valueOf(-3));
            for (BigInteger e : exponents) {
                for (BigInteger base : List.of(unit, unit.negate(), m.subtract(BigInteger.ONE), m.add(unit))) {
                    assertEquals(base.modPow(e, m), NeuralMath.modPow(base, e, m),
                            base + "^" + e + " mod " + m + " (seed " + AddExactProperty.seed() + ")");
                }
            }
        }
        BigInteger m = BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE);
        assertEquals(BigInteger.ZERO, NeuralMath.modPow(m.multiply(BigInteger.valueOf(3)), BigInteger.valueOf(5), m));
    }

    @Test
    void anEvenOrTinyModulus_isRefused(ReloadableAdder adder, ReloadableSubtractor subtractor) {
        assertThrows(IllegalArgumentException.class, () -> new Montgomery(adder, subtractor, BigInteger.TEN));
        assertThrows(IllegalArgumentException.class, () -> new Montgomery(adder, subtractor, BigInteger.ONE));
    }

    private static int wrongReductions(ReloadableAdder adder, ReloadableSubtractor subtractor, boolean miswired) {
        Random random = new Random(AddExactProperty.seed());
        int wrong = 0;
        int checked = 0;
        for (BigInteger m : moduli(random)) {
            int r = m.bitLength();
            BigInteger bigR = BigInteger.ONE.shiftLeft(r);
            BigInteger inverse = m.modInverse(bigR);
            Montgomery montgomery = miswired ? new Montgomery(adder, subtractor, m, inverse)
                    : new Montgomery(adder, subtractor, m);
            BigInteger rInverse = bigR.modInverse(m);
            List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE,
                    m.subtract(BigInteger.ONE), m.multiply(bigR).subtract(BigInteger.ONE)));
            values.add(new BigInteger(2 * r - 1, random));
            values.add(new BigInteger(r, random).multiply(m.subtract(BigInteger.ONE)));
            for (BigInteger t : values) {
                checked++;
                if (!montgomery.reduce(t).equals(t.multiply(rInverse).mod(m))) {
                    wrong++;
                }
            }
        }
        System.out.printf("Montgomery%s: %d of %d reductions wrong (seed %d)%n", miswired ? " miswired" : "", wrong,
                checked, AddExactProperty.seed());
        return wrong;
    }

    private static List<BigInteger> moduli(Random random) {
        return List.of(
                BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(65).subtract(BigInteger.ONE),
                new BigInteger(128, random).setBit(127).setBit(0),
                BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE.shiftLeft(64)).add(BigInteger.ONE),
                new BigInteger(300, random).setBit(299).setBit(0));
    }
}
