package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NeuralMath}'s {@code BigInteger} division family, gcd, powers, inverses and square roots
 * through the default certified networks, against {@link BigInteger}: edge values (0, ±1, ±2^k,
 * ±(2^k − 1)) and seeded random operands of 1 to 2,000 bits of both signs (a few to 10,000 bits),
 * and every refusal with {@code BigInteger}'s own message.
 */
class BigIntegerDivisionFamilyTest {

    private final long seed = AddExactProperty.seed();
    private final SplittableRandom random = new SplittableRandom(seed);

    @Test
    void divisionRemainderAndMod_agreeWithBigInteger() {
        List<BigInteger> values = values(new int[] {1, 2, 31, 32, 33, 63, 64, 65, 200, 700});
        for (BigInteger a : values) {
            for (BigInteger b : List.of(pick(values), pick(values), BigInteger.ONE, BigInteger.valueOf(-3), a)) {
                String at = at(a, b);
                if (b.signum() == 0) {
                    continue;
                }
                assertArrayEquals(a.divideAndRemainder(b), NeuralMath.divideAndRemainder(a, b), "divideAndRemainder" + at);
                assertEquals(a.divide(b), NeuralMath.divide(a, b), "divide" + at);
                assertEquals(a.remainder(b), NeuralMath.remainder(a, b), "remainder" + at);
                BigInteger m = b.abs();
                assertEquals(a.mod(m), NeuralMath.mod(a, m), "mod" + at);
            }
        }
        BigInteger wide = signed(new BigInteger(10_000, new Random(random.nextLong())));
        BigInteger narrow = signed(new BigInteger(9_990, new Random(random.nextLong())).setBit(9_989));
        assertArrayEquals(wide.divideAndRemainder(narrow), NeuralMath.divideAndRemainder(wide, narrow),
                "a 10,000-bit dividend" + at(wide, narrow));
        BigInteger half = signed(new BigInteger(5_000, new Random(random.nextLong())).setBit(4_999));
        assertArrayEquals(wide.divideAndRemainder(half), NeuralMath.divideAndRemainder(wide, half),
                "a long quotient by a long divisor, from a reciprocal" + at(wide, half));
    }

    @Test
    void gcdPowAndSqrt_agreeWithBigInteger() {
        List<BigInteger> values = values(new int[] {1, 2, 31, 64, 65, 300, 2_000});
        for (BigInteger a : values) {
            BigInteger b = pick(values);
            BigInteger common = new BigInteger(40, new Random(random.nextLong()));
            assertEquals(a.gcd(b), NeuralMath.gcd(a, b), "gcd" + at(a, b));
            assertEquals(a.multiply(common).gcd(b.multiply(common)), NeuralMath.gcd(a.multiply(common), b.multiply(common)),
                    "gcd with a common factor" + at(a, b));
            assertEquals(a.abs().sqrt(), NeuralMath.sqrt(a.abs()), "sqrt" + at(a, a));
            BigInteger square = a.multiply(a);
            assertEquals(a.abs(), NeuralMath.sqrt(square), "sqrt of a square" + at(a, a));
            if (square.signum() > 0) {
                assertEquals(a.abs().subtract(BigInteger.ONE), NeuralMath.sqrt(square.subtract(BigInteger.ONE)),
                        "sqrt just below a square" + at(a, a));
            }
        }
        for (BigInteger a : values(new int[] {1, 2, 3, 17, 64})) {
            for (int e : new int[] {0, 1, 2, 3, 7, 64 / Math.max(1, a.bitLength())}) {
                assertEquals(a.pow(e), NeuralMath.pow(a, e), "pow " + e + at(a, a));
            }
        }
        assertEquals(BigInteger.ONE, NeuralMath.pow(BigInteger.ONE.negate().negate(), Integer.MAX_VALUE));
    }

    @Test
    void modPowAndModInverse_agreeWithBigInteger() {
        for (int bits : new int[] {2, 5, 32, 64, 256}) {
            BigInteger m = new BigInteger(bits, new Random(random.nextLong())).setBit(bits - 1).setBit(0);
            for (int trial = 0; trial < 3; trial++) {
                BigInteger a = signed(new BigInteger(bits + 7, new Random(random.nextLong())));
                BigInteger e = new BigInteger(1 + random.nextInt(40), new Random(random.nextLong()));
                assertEquals(a.modPow(e, m), NeuralMath.modPow(a, e, m), "modPow" + at(a, m) + " e " + e);
                if (a.gcd(m).equals(BigInteger.ONE)) {
                    assertEquals(a.modInverse(m), NeuralMath.modInverse(a, m), "modInverse" + at(a, m));
                    assertEquals(a.modPow(e.negate(), m), NeuralMath.modPow(a, e.negate(), m),
                            "modPow, negative exponent" + at(a, m));
                } else {
                    assertEquals("BigInteger not invertible.",
                            assertThrows(ArithmeticException.class, () -> NeuralMath.modInverse(a, m)).getMessage());
                }
            }
        }
        BigInteger rsa = BigInteger.valueOf(3233);
        assertEquals(BigInteger.valueOf(2753), NeuralMath.modInverse(BigInteger.valueOf(17), BigInteger.valueOf(3120)));
        assertEquals(BigInteger.valueOf(2790), NeuralMath.modPow(BigInteger.valueOf(65), BigInteger.valueOf(17), rsa));
        assertEquals(BigInteger.ZERO, NeuralMath.modPow(BigInteger.TEN, BigInteger.TEN, BigInteger.ONE));
    }

    @Test
    void refusals_areBigIntegersOwn_andTheLimitsAreNamed() {
        assertEquals("BigInteger divide by zero", assertThrows(ArithmeticException.class,
                () -> NeuralMath.divide(BigInteger.TEN, BigInteger.ZERO)).getMessage());
        assertEquals("BigInteger divide by zero", assertThrows(ArithmeticException.class,
                () -> NeuralMath.divideAndRemainder(BigInteger.TEN, BigInteger.ZERO)).getMessage());
        assertEquals("BigInteger: modulus not positive", assertThrows(ArithmeticException.class,
                () -> NeuralMath.mod(BigInteger.TEN, BigInteger.valueOf(-3))).getMessage());
        assertEquals("BigInteger: modulus not positive", assertThrows(ArithmeticException.class,
                () -> NeuralMath.modPow(BigInteger.TEN, BigInteger.ONE, BigInteger.ZERO)).getMessage());
        assertEquals("BigInteger: modulus not positive", assertThrows(ArithmeticException.class,
                () -> NeuralMath.modInverse(BigInteger.TEN, BigInteger.valueOf(-7))).getMessage());
        assertEquals("BigInteger not invertible.", assertThrows(ArithmeticException.class,
                () -> NeuralMath.modInverse(BigInteger.valueOf(6), BigInteger.valueOf(9))).getMessage());
        assertEquals("Negative exponent", assertThrows(ArithmeticException.class,
                () -> NeuralMath.pow(BigInteger.TWO, -1)).getMessage());
        assertEquals("Negative BigInteger", assertThrows(ArithmeticException.class,
                () -> NeuralMath.sqrt(BigInteger.valueOf(-4))).getMessage());
        String tooLong = assertThrows(IllegalArgumentException.class, () -> NeuralMath.divide(
                BigInteger.ONE.shiftLeft(LearnedMath.MAX_DIVIDEND_BITS), BigInteger.TWO)).getMessage();
        assertTrue(tooLong.contains("at most " + LearnedMath.MAX_DIVIDEND_BITS), tooLong);
        String longExponent = assertThrows(IllegalArgumentException.class, () -> NeuralMath.modPow(BigInteger.TWO,
                BigInteger.ONE.shiftLeft(LearnedMath.MAX_EXPONENT_BITS), BigInteger.TEN)).getMessage();
        assertTrue(longExponent.contains("at most " + LearnedMath.MAX_EXPONENT_BITS), longExponent);
        String bigPower = assertThrows(IllegalArgumentException.class,
                () -> NeuralMath.pow(BigInteger.TEN, 100_000)).getMessage();
        assertTrue(bigPower.contains("at most " + LearnedMath.MAX_POWER_BITS), bigPower);
        assertThrows(NullPointerException.class, () -> NeuralMath.gcd(null, BigInteger.ONE));
    }

    private List<BigInteger> values(int[] widths) {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate()));
        for (int bits : widths) {
            BigInteger power = BigInteger.ONE.shiftLeft(bits);
            values.addAll(List.of(power, power.negate(), power.subtract(BigInteger.ONE).negate()));
            values.add(signed(new BigInteger(bits, new Random(random.nextLong()))));
        }
        return values;
    }

    private BigInteger pick(List<BigInteger> values) {
        return values.get(random.nextInt(values.size()));
    }

    private BigInteger signed(BigInteger magnitude) {
        return random.nextBoolean() ? magnitude : magnitude.negate();
    }

    private String at(BigInteger a, BigInteger b) {
        return " at a of " + a.bitLength() + " bits, b of " + b.bitLength() + " bits (seed " + seed + ")";
    }
}
