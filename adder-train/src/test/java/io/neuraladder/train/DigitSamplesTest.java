package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitSamplesTest {

    @Test
    void carryHeavyPairs_carryFromTheirLowestChangedDigitUpward() {
        SplittableRandom random = new SplittableRandom(1);
        int longChains = 0;
        for (String[] pair : new DigitSamples(10).carryHeavy(random, 2_000, 12)) {
            assertEquals(12, pair[0].length());
            assertEquals(12, pair[1].length());
            int chain = 0;
            int carry = 0;
            for (int t = 0; t < 12; t++) {
                int total = pair[0].charAt(11 - t) - '0' + pair[1].charAt(11 - t) - '0' + carry;
                carry = total / 10;
                chain = carry == 1 ? chain + 1 : chain;
            }
            longChains += chain >= 4 ? 1 : 0;
        }
        assertTrue(longChains > 500, "pairs with 4 or more carries: " + longChains + " of 2000");
    }

    @Test
    void quietChains_holdACarryOfZeroThroughLongChains() {
        SplittableRandom random = new SplittableRandom(1);
        int longChains = 0;
        int fromTheStart = 0;
        for (String[] pair : new DigitSamples(16).quietChains(random, 2_000, 12)) {
            assertEquals(12, pair[0].length());
            int carry = 0;
            int run = 0;
            int longest = 0;
            for (int t = 0; t < 12; t++) {
                int total = Character.digit(pair[0].charAt(11 - t), 16) + Character.digit(pair[1].charAt(11 - t), 16);
                run = total == 15 && carry == 0 ? run + 1 : 0;
                longest = Math.max(longest, run);
                fromTheStart += t == 3 && run == 4 ? 1 : 0;
                carry = (total + carry) / 16;
            }
            longChains += longest >= 4 ? 1 : 0;
        }
        assertTrue(longChains > 500, "pairs with a quiet chain of 4 or more: " + longChains + " of 2000");
        assertTrue(fromTheStart > 50, "pairs whose lowest 4 digit pairs are a quiet chain: " + fromTheStart);
    }

    @Test
    void theTrainingTargets_spellTheSumAndTheDifference_asBigIntegerDoes() {
        String[][] pairs = {{"0999", "0001"}, {"1000", "0001"}, {"5", "7"}};
        TrainingPairs digits = TrainingPairs.digits(pairs, 10);
        for (int n = 0; n < pairs.length; n++) {
            int steps = digits.steps(n);
            BigInteger modulus = BigInteger.TEN.pow(steps);
            BigInteger a = new BigInteger(pairs[n][0]);
            BigInteger b = new BigInteger(pairs[n][1]);
            assertEquals(a.add(b).mod(modulus), value(digits.expected(Operator.ADD, 10, n)));
            assertEquals(a.subtract(b).mod(modulus), value(digits.expected(Operator.SUBTRACT, 10, n)));
        }
    }

    private static BigInteger value(int[] digitsLeastSignificantFirst) {
        BigInteger value = BigInteger.ZERO;
        for (int t = digitsLeastSignificantFirst.length - 1; t >= 0; t--) {
            value = value.multiply(BigInteger.TEN).add(BigInteger.valueOf(digitsLeastSignificantFirst[t]));
        }
        return value;
    }
}
