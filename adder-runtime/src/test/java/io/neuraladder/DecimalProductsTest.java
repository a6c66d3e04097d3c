package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NeuralMath#multiplyDecimal} and {@link NeuralMath#divideDecimal} through the default
 * decimal networks, against {@link BigInteger}: random operands of 1 to 300 digits, carry- and
 * borrow-heavy ones (runs of 9s, powers of ten, a divisor just above the running remainder), and
 * the refusals of {@code addDecimal} and a zero divisor.
 */
class DecimalProductsTest {

    @Test
    void products_agreeWithBigInteger_onRandomAndNineHeavyOperands() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> pairs = new ArrayList<>(List.of(new String[] {"535", "61"}, new String[] {"0", "987"},
                new String[] {"9".repeat(120), "9".repeat(80)}, new String[] {"1" + "0".repeat(99), "99"},
                new String[] {"0007", "00"}, new String[] {"123456789", "987654321"}));
        for (int digits : new int[] {1, 2, 3, 7, 19, 40, 150, 300}) {
            pairs.add(new String[] {number(random, digits), number(random, 1 + random.nextInt(digits))});
        }
        assertEquals(10, pairs.stream().flatMapToInt(pair -> pair[1].chars()).distinct().count(),
                "every multiple 0·a … 9·a is exercised, so a miswired multiple fails");
        for (String[] pair : pairs) {
            String expected = new BigInteger(pair[0]).multiply(new BigInteger(pair[1])).toString();
            assertEquals(expected, NeuralMath.multiplyDecimal(pair[0], pair[1]),
                    pair[0] + " × " + pair[1] + " (seed " + seed + ")");
        }
    }

    @Test
    void quotientsAndRemainders_agreeWithBigInteger_onRandomAndBorrowHeavyOperands() {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> pairs = new ArrayList<>(List.of(new String[] {"535", "61"}, new String[] {"0", "7"},
                new String[] {"7", "535"}, new String[] {"1" + "0".repeat(60), "9".repeat(30)},
                new String[] {"9".repeat(90), "1" + "0".repeat(40) + "1"}, new String[] {"100", "100"},
                new String[] {"00123", "0004"}, new String[] {"99", "1"}, new String[] {"12345678901234567890", "1"},
                new String[] {"86419753208641975320", "7"}));
        for (int digits : new int[] {1, 3, 12, 40, 120}) {
            String divisor = number(random, 1 + random.nextInt(digits));
            pairs.add(new String[] {number(random, digits), divisor.equals("0") ? "3" : divisor});
        }
        assertEquals(10, pairs.stream().flatMapToInt(pair -> new BigInteger(pair[0]).divide(new BigInteger(pair[1]))
                .toString().chars()).distinct().count(), "every quotient digit 0 … 9 occurs, so a miswired choice fails");
        for (String[] pair : pairs) {
            BigInteger[] expected = new BigInteger(pair[0]).divideAndRemainder(new BigInteger(pair[1]));
            assertArrayEquals(new String[] {expected[0].toString(), expected[1].toString()},
                    NeuralMath.divideDecimal(pair[0], pair[1]), pair[0] + " / " + pair[1] + " (seed " + seed + ")");
        }
    }

    @Test
    void badOperands_andZeroDivisors_areRefusedAsAddDecimalRefusesThem() {
        assertEquals("/ by zero", assertThrows(ArithmeticException.class,
                () -> NeuralMath.divideDecimal("12", "000")).getMessage());
        String sign = assertThrows(NumberFormatException.class, () -> NeuralMath.multiplyDecimal("-5", "2")).getMessage();
        assertTrue(sign.contains("operand a") && sign.contains("is negative"), sign);
        String dot = assertThrows(NumberFormatException.class, () -> NeuralMath.divideDecimal("7", "1.5")).getMessage();
        assertTrue(dot.contains("operand b") && dot.contains("'.'"), dot);
        assertThrows(NullPointerException.class, () -> NeuralMath.multiplyDecimal(null, "1"));
        String tooLong = assertThrows(IllegalArgumentException.class,
                () -> NeuralMath.multiplyDecimal("1".repeat(LearnedMath.MAX_DECIMAL_FACTOR_DIGITS + 1), "2")).getMessage();
        assertTrue(tooLong.contains("operand a has 1,001 digits; at most 1,000 are multiplied"), tooLong);
        assertThrows(IllegalArgumentException.class,
                () -> NeuralMath.divideDecimal("1".repeat(LearnedMath.MAX_DECIMAL_DIVIDEND_DIGITS + 1), "2"));
    }

    private static String number(SplittableRandom random, int digits) {
        StringBuilder number = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            number.append((char) ('0' + (i == 0 && digits > 1 ? 1 + random.nextInt(9) : random.nextInt(10))));
        }
        return number.toString();
    }
}
