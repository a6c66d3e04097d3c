package io.neuraladder.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorTest {


    @ParameterizedTest
    @ValueSource(ints = {2, 10, 16})
    void everyAddStep_agreesWithBigIntegerArithmetic(int radix) {
        BigInteger r = BigInteger.valueOf(radix);
        for (int carry = 0; carry < Operator.STATES; carry++) {
            for (int a = 0; a < radix; a++) {
                for (int b = 0; b < radix; b++) {
                    BigInteger[] quotientAndDigit = BigInteger.valueOf(a).add(BigInteger.valueOf(b))
                            .add(BigInteger.valueOf(carry)).divideAndRemainder(r);
                    String step = "radix " + radix + ", carry " + carry + ", " + a + " + " + b;
                    assertEquals(quotientAndDigit[1].intValueExact(), Operator.ADD.output(radix, carry, a, b), step);
                    assertEquals(quotientAndDigit[0].intValueExact(), Operator.ADD.next(radix, carry, a, b), step);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 16})
    void everySubtractStep_agreesWithBigIntegerArithmetic(int radix) {
        BigInteger r = BigInteger.valueOf(radix);
        for (int borrow = 0; borrow < Operator.STATES; borrow++) {
            for (int a = 0; a < radix; a++) {
                for (int b = 0; b < radix; b++) {
                    BigInteger difference = BigInteger.valueOf(a - b - borrow);
                    String step = "radix " + radix + ", borrow " + borrow + ", " + a + " - " + b;
                    assertEquals(difference.mod(r).intValueExact(), Operator.SUBTRACT.output(radix, borrow, a, b), step);
                    assertEquals(difference.signum() < 0 ? 1 : 0, Operator.SUBTRACT.next(radix, borrow, a, b), step);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 16})
    void run_spellsTheSumAndTheDifference_moduloTheRadixToTheSteps(int radix) {
        SplittableRandom random = new SplittableRandom(radix);
        for (int n = 0; n < 500; n++) {
            int length = 1 + random.nextInt(40);
            BigInteger a = new BigInteger(length * 5, new java.util.Random(random.nextLong()));
            BigInteger b = n % 5 == 0 ? a.subtract(BigInteger.ONE).max(BigInteger.ZERO)
                    : new BigInteger(length * 5, new java.util.Random(random.nextLong()));
            int steps = Math.max(digits(a, radix).length, digits(b, radix).length) + 1;
            BigInteger modulus = BigInteger.valueOf(radix).pow(steps);
            assertArrayEquals(digits(a.add(b).mod(modulus), radix, steps),
                    Operator.ADD.run(radix, digits(a, radix), digits(b, radix), steps), a + " + " + b);
            assertArrayEquals(digits(a.subtract(b).mod(modulus), radix, steps),
                    Operator.SUBTRACT.run(radix, digits(a, radix), digits(b, radix), steps), a + " - " + b);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 16})
    void theWrongOperator_spellsAnotherResult(int radix) {
        int[] zero = {0, 0};
        int[] one = {1, 0};
        assertTrue(Operator.ADD.run(radix, zero, one, 2)[1] == 0 && Operator.SUBTRACT.run(radix, zero, one, 2)[1] != 0,
                "0 - 1 borrows through every digit; 0 + 1 carries nothing");
    }

    @Test
    void fromMetadata_readsEveryOperatorsName_andRefusesOthersNamingTheKnownOnes() {
        for (Operator operator : Operator.values()) {
            assertEquals(operator, Operator.fromMetadata(operator.metadataName()));
        }
        var refusal = assertThrows(IllegalArgumentException.class, () -> Operator.fromMetadata("multiply"));
        assertTrue(refusal.getMessage().contains("'multiply'") && refusal.getMessage().contains("subtract"),
                refusal.getMessage());
    }

    private static int[] digits(BigInteger value, int radix) {
        return digits(value, radix, Math.max(1, value.toString(radix).length()));
    }

    private static int[] digits(BigInteger value, int radix, int steps) {
        String text = value.toString(radix);
        int[] digits = new int[steps];
        for (int t = 0; t < steps && t < text.length(); t++) {
            digits[t] = Character.digit(text.charAt(text.length() - 1 - t), radix);
        }
        return digits;
    }
}
