package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.engine.OperatorEngine;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Radix16Products} on its own: its digits sum to the multiplier for every length and sign,
 * and its products on the bundled certified adder equal {@link BigInteger#multiply} for factors of 1
 * to 130 bits, both signs, zero, ±1, powers of two, all-ones, unbalanced lengths and multipliers
 * whose digits need every odd multiple with either sign, all in one batched call. A miswired variant,
 * whose adder loses the 1 that the low bits carry in {@code 7x = 8x + ¬x + 1}, is caught by the
 * same factors.
 */
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
    void products_agreeWithBigInteger() {
        assertEquals(0, wrong(false));
    }

    @Test
    void sevenTimesWithoutItsCarriedOne_isCaught() {
        assertTrue(wrong(true) > 0, "7x computed as 8x + ¬x multiplies wrongly, and the check sees it");
    }

    private static int wrong(boolean dropLowCarry) {
        List<BigInteger[]> pairs = pairs();
        BigInteger[] x = pairs.stream().map(p -> p[0]).toArray(BigInteger[]::new);
        BigInteger[] y = pairs.stream().map(p -> p[1]).toArray(BigInteger[]::new);
        try (ReloadableAdder adder = (ReloadableAdder) NeuralAdder.open(ShippedModels.DEFAULT)) {
            BigInteger[] products = adder.engine().call(engine ->
                    Radix16Products.products(dropLowCarry ? new LowCarryDropping(engine) : engine, x, y));
            int wrong = 0;
            for (int i = 0; i < x.length; i++) {
                if (!products[i].equals(x[i].multiply(y[i]))) {
                    wrong++;
                }
            }
            System.out.printf("Radix16Products%s: %d of %d products wrong (seed %d)%n",
                    dropLowCarry ? " miswired" : "", wrong, x.length, AddExactProperty.seed());
            return wrong;
        }
    }

    private static List<BigInteger[]> pairs() {
        Random random = new Random(AddExactProperty.seed());
        List<BigInteger[]> pairs = new ArrayList<>();
        for (int bits : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 130}) {
            BigInteger ones = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            BigInteger power = BigInteger.ONE.shiftLeft(bits - 1);
            BigInteger x = new BigInteger(bits, random).setBit(bits - 1);
            BigInteger y = new BigInteger(bits, random).setBit(bits - 1);
            pairs.add(new BigInteger[] {ones, ones});
            pairs.add(new BigInteger[] {ones.negate(), ones});
            pairs.add(new BigInteger[] {power, power.negate()});
            pairs.add(new BigInteger[] {x, y});
            pairs.add(new BigInteger[] {x.negate(), y});
            pairs.add(new BigInteger[] {x.negate(), y.negate()});
            pairs.add(new BigInteger[] {x, new BigInteger(bits / 3 + 1, random)});
            pairs.add(new BigInteger[] {x, BigInteger.ZERO});
            pairs.add(new BigInteger[] {BigInteger.ONE.negate(), y});
        }
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
    private record LowCarryDropping(OperatorEngine engine) implements OperatorEngine {

        @Override
        public BigInteger[] exact(BigInteger[] a, BigInteger[] b) {
            BigInteger[] cleared = a.clone();
            for (int i = 0; i < a.length; i++) {
                if (a[i].testBit(0) && b[i].testBit(0)) {
                    cleared[i] = a[i].clearBit(0);
                }
            }
            return engine.exact(cleared, b);
        }

        @Override
        public BigInteger exact(BigInteger a, BigInteger b) {
            return exact(new BigInteger[] {a}, new BigInteger[] {b})[0];
        }

        @Override
        public ModelInfo model() {
            return engine.model();
        }

        @Override
        public int wrapped(int a, int b) {
            return engine.wrapped(a, b);
        }

        @Override
        public long wrapped(long a, long b) {
            return engine.wrapped(a, b);
        }

        @Override
        public void wrapped(int[] a, int[] b, int[] results) {
            engine.wrapped(a, b, results);
        }

        @Override
        public void wrapped(long[] a, long[] b, long[] results) {
            engine.wrapped(a, b, results);
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
