package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.engine.OperatorEngine;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Radix16Products} on its own: its digits sum to the multiplier for every length and sign,
 * and its products on the bundled certified adder equal {@link BigInteger#multiply} for factors of 1
 * to 130 bits, both signs, zero, ±1, powers of two, all-ones, unbalanced lengths and multipliers
 * whose digits need every odd multiple with either sign, all in one batched call. A miswired variant,
 * whose adder loses the 1 that the low bits carry in {@code 7x = 8x + ¬x + 1}, is caught by the
 * same factors.
 */
@ExtendWith(BundledNetworks.class)
class Radix16ProductsTest {

    @Test
    void digits_sumToTheMultiplier_eachWithinPlusMinusEight() {
        Random random = new Random(AddExactProperty.seed());
        List<BigInteger> multipliers = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE,
                BigInteger.ONE.negate(), BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)));
        for (int bits = 1; bits <= 200; bits++) {
            BigInteger y = new BigInteger(bits, random);
            multipliers.add(y);
            multipliers.add(y.negate());
            multipliers.add(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        }
        for (BigInteger y : multipliers) {
            int[] digits = Radix16Products.digits(y);
            BigInteger sum = BigInteger.ZERO;
            for (int i = digits.length - 1; i >= 0; i--) {
                assertTrue(Math.abs(digits[i]) <= 8, "digit " + digits[i] + " of " + y);
                sum = sum.shiftLeft(Radix16Products.DIGIT_BITS).add(BigInteger.valueOf(digits[i]));
            }
            assertEquals(y, sum, "the digits of " + y);
        }
    }

    @Test
    void products_agreeWithBigInteger(ReloadableAdder adder) {
        assertEquals(0, ProductChecks.wrong("Radix16Products", Radix16Products::products, adder, null, pairs()));
    }

    @Test
    void sevenTimesWithoutItsCarriedOne_isCaught(ReloadableAdder adder) {
        assertTrue(ProductChecks.wrong("Radix16Products", Radix16Products::products, adder,
                Radix16ProductsTest::lowCarryDropped, pairs()) > 0, "7x computed as 8x + ¬x multiplies wrongly, and the check sees it");
    }

    private static List<BigInteger[]> pairs() {
        Random random = new Random(AddExactProperty.seed());
        List<BigInteger[]> pairs = ProductChecks.factorPairs(random, 1, 2, 3, 4, 5, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 130);
        // Multipliers of one repeated nibble: digits 3, 5, 6, 7 and their negatives, and ±8.
        for (int nibble = 0; nibble < 16; nibble++) {
            BigInteger repeated = BigInteger.ZERO;
            for (int k = 0; k < 16; k++) {
                repeated = repeated.shiftLeft(4).or(BigInteger.valueOf(nibble));
            }
            BigInteger x = new BigInteger(96, random).setBit(95);
            pairs.add(new BigInteger[] {x, repeated});
            pairs.add(new BigInteger[] {x.negate(), repeated.negate()});
        }
        return pairs;
    }

    /** The certified adder, but a pair of odd operands loses the carry their low bits make: {@code 7x} comes out {@code 7x − 1}. */
    private static BigInteger[] lowCarryDropped(BigInteger[] a, BigInteger[] b, OperatorEngine engine) {
        BigInteger[] cleared = a.clone();
        for (int i = 0; i < a.length; i++) {
            if (a[i].testBit(0) && b[i].testBit(0)) {
                cleared[i] = a[i].clearBit(0);
            }
        }
        return engine.exact(cleared, b);
    }
}
