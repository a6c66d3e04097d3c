package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.api.Adder;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NeuralMath}'s {@code BigInteger} negation, absolute value, comparison and sign through the
 * default subtractor, against {@link BigInteger}: edge values (0, ±1, ±2^k, ±(2^k − 1)) and seeded
 * random operands of 1 to 10,000 bits, both signs, equal pairs and pairs that differ in their
 * lowest bit only; and the refusals.
 */
class BigIntegerFamilyTest {

    @Test
    void negationAbsoluteValueComparisonAndSign_agreeWithBigInteger() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate()));
        for (int bits : new int[] {1, 2, 31, 32, 63, 64, 65, 127, 1000, 10_000}) {
            BigInteger power = BigInteger.ONE.shiftLeft(bits);
            values.addAll(List.of(power, power.negate(), power.subtract(BigInteger.ONE),
                    power.subtract(BigInteger.ONE).negate()));
            BigInteger randomValue = new BigInteger(bits, new Random(random.nextLong()));
            values.add(random.nextBoolean() ? randomValue : randomValue.negate());
        }
        for (BigInteger a : values) {
            String at = " at a of " + a.bitLength() + " bits (seed " + seed + ")";
            assertEquals(a.negate(), NeuralMath.negate(a), "negate" + at);
            assertEquals(a.abs(), NeuralMath.abs(a), "abs" + at);
            assertEquals(a.signum(), NeuralMath.signum(a), "signum" + at);
            BigInteger neighbour = a.testBit(0) ? a.subtract(BigInteger.ONE) : a.add(BigInteger.ONE);
            for (BigInteger b : List.of(a, neighbour, a.negate(), values.get(random.nextInt(values.size())))) {
                assertEquals(Integer.signum(a.compareTo(b)), NeuralMath.compare(a, b),
                        "compare with b of " + b.bitLength() + " bits" + at);
            }
        }
    }

    @Test
    void nullAndOverlongOperands_areRefused() {
        assertThrows(NullPointerException.class, () -> NeuralMath.negate(null));
        assertThrows(NullPointerException.class, () -> NeuralMath.compare(BigInteger.ONE, null));
        String refusal = assertThrows(IllegalArgumentException.class,
                () -> NeuralMath.signum(BigInteger.ONE.shiftLeft(Adder.MAX_BIG_INTEGER_BITS))).getMessage();
        assertTrue(refusal.contains("at most " + Adder.MAX_BIG_INTEGER_BITS), refusal);
    }
}
