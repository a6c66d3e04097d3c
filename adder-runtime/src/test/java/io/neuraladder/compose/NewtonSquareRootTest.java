package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link NewtonSquareRoot} on its own, on the bundled certified adder and subtractor, against
 * {@link BigInteger#sqrt}: radicands at and above its threshold, squares, one below them, all-ones
 * and powers of four. The estimate alone is wrong on some of them (so the corrections are
 * exercised) and within a few units of the root; estimates off by one, by many and by everything
 * are corrected (the last by the fallback: here {@link BigInteger#sqrt} stands in for the networks'
 * digit-by-digit root on long radicands, so that a fallback shows as a count).
 */
@ExtendWith(BundledNetworks.class)
class NewtonSquareRootTest {

    @Test
    void roots_agreeWithBigInteger(ReloadableAdder adder, ReloadableSubtractor subtractor) {
        long seed = AddExactProperty.seed();
        int[] fallbacks = new int[1];
        NewtonSquareRoot roots = roots(adder, subtractor, fallbacks);
        EstimateOffsets offsets = new EstimateOffsets("NewtonSquareRoot");
        List<BigInteger> radicands = radicands(new Random(seed));
        for (BigInteger a : radicands) {
            assertEquals(a.sqrt(), roots.sqrt(a), a.bitLength() + "-bit radicand (seed " + seed + ")");
            offsets.add(roots.estimate(a), a.sqrt());
        }
        offsets.assertCorrectionsExercisedAndFew();
        assertEquals(0, fallbacks[0], "no root fell back to the digit-by-digit one");
    }

    @Test
    void anyEstimate_isCorrected(ReloadableAdder adder, ReloadableSubtractor subtractor) {
        BigInteger a = new BigInteger(NewtonSquareRoot.FROM_BITS + 100, new Random(AddExactProperty.seed()));
        BigInteger root = a.sqrt();
        int[] fallbacks = new int[1];
        NewtonSquareRoot roots = roots(adder, subtractor, fallbacks);
        for (BigInteger estimate : new BigInteger[] {root.add(BigInteger.ONE), root.subtract(BigInteger.valueOf(7)),
                root.add(BigInteger.valueOf(15))}) {
            assertEquals(root, roots.corrected(a, estimate), "from the estimate " + estimate);
        }
        assertEquals(0, fallbacks[0], "estimates within 16 units are corrected without the fallback");
        assertEquals(root, roots.corrected(a, BigInteger.ZERO));
        assertEquals(1, fallbacks[0], "an estimate of 0 is past the corrections: the fallback roots it");
    }

    private static NewtonSquareRoot roots(ReloadableAdder adder, ReloadableSubtractor subtractor, int[] fallbacks) {
        BigArithmetic arithmetic = new BigArithmetic(subtractor, adder);
        return new NewtonSquareRoot(adder, subtractor, arithmetic::divide, a -> {
            if (a.bitLength() < NewtonSquareRoot.FROM_BITS) {
                return arithmetic.sqrt(a);
            }
            fallbacks[0]++;
            return a.sqrt();
        });
    }

    private static List<BigInteger> radicands(Random random) {
        List<BigInteger> radicands = new ArrayList<>();
        for (int bits : new int[] {NewtonSquareRoot.FROM_BITS, NewtonSquareRoot.FROM_BITS + 1, 777, 1_500, 4_096}) {
            BigInteger x = new BigInteger(bits, random).setBit(bits - 1);
            BigInteger half = new BigInteger(bits / 2, random).setBit(bits / 2 - 1);
            radicands.add(x);
            radicands.add(half.multiply(half));
            radicands.add(half.multiply(half).subtract(BigInteger.ONE));
            radicands.add(half.add(BigInteger.ONE).multiply(half.add(BigInteger.ONE)).subtract(BigInteger.ONE));
            radicands.add(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            radicands.add(BigInteger.ONE.shiftLeft(bits & ~1));
        }
        return radicands;
    }
}
