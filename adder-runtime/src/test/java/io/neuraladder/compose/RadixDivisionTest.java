package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralMath;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RadixDivision} on its own (one, two and three quotient bits per run), its differences from the bundled certified subtractor, against
 * {@link BigInteger#divideAndRemainder} on the pairs that break naive dividers: borrows through
 * runs of zeros ({@code 2^k / (2^j + 1)}), all-ones dividends, divisors one above and below powers
 * of two, quotient digits of 7 and of 0, and random pairs; and the same check catches a miswired
 * variant whose differences are read at the operands' own width, without the subtractor's two
 * extra bits, so that a borrow out of the top turns a negative difference positive.
 */
class RadixDivisionTest {

    private static final RadixDivision.Differences CERTIFIED = (a, b) -> {
        BigInteger[] differences = new BigInteger[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = NeuralMath.subtract(a[i], b[i]);
        }
        return differences;
    };

    /** The top borrow dropped: each difference read modulo 2^w, w the wider operand's bit length. */
    private static final RadixDivision.Differences TOO_NARROW = (a, b) -> {
        BigInteger[] differences = CERTIFIED.of(a, b);
        for (int i = 0; i < a.length; i++) {
            int width = Math.max(1, Math.max(a[i].bitLength(), b[i].bitLength()));
            differences[i] = differences[i].mod(BigInteger.ONE.shiftLeft(width));
        }
        return differences;
    };

    @ParameterizedTest(name = "{0} quotient bits per run")
    @ValueSource(ints = {1, 2, 3})
    void theDivision_agreesWithBigInteger_onThePairsThatBreakNaiveDividers(int digitBits) {
        List<BigInteger[]> pairs = pairs();
        for (BigInteger[] pair : pairs) {
            assertArrayEquals(pair[0].divideAndRemainder(pair[1]),
                    RadixDivision.divide(CERTIFIED, pair[0], pair[1], digitBits),
                    pair[0] + " / " + pair[1] + " (seed " + AddExactProperty.seed() + ")");
        }
    }

    @ParameterizedTest(name = "{0} quotient bits per run")
    @ValueSource(ints = {1, 3})
    void aMiswiredVariant_isCaught(int digitBits) {
        int wrong = 0;
        for (BigInteger[] pair : pairs()) {
            BigInteger[] miswired = RadixDivision.divide(TOO_NARROW, pair[0], pair[1], digitBits);
            if (!miswired[0].equals(pair[0].divide(pair[1])) || !miswired[1].equals(pair[0].mod(pair[1]))) {
                wrong++;
            }
        }
        assertTrue(wrong > 0, "the differences read without the extra bits divide wrongly, and the check sees it");
    }

    private static List<BigInteger[]> pairs() {
        SplittableRandom random = new SplittableRandom(AddExactProperty.seed());
        List<BigInteger[]> pairs = new ArrayList<>();
        for (int k : new int[] {1, 2, 3, 7, 8, 31, 64, 65, 130}) {
            BigInteger power = BigInteger.ONE.shiftLeft(k);
            for (int j : new int[] {0, 1, 2, k / 2, Math.max(0, k - 1)}) {
                BigInteger divisor = BigInteger.ONE.shiftLeft(j);
                pairs.add(new BigInteger[] {power, divisor.add(BigInteger.ONE)});
                pairs.add(new BigInteger[] {power.subtract(BigInteger.ONE), divisor});
                pairs.add(new BigInteger[] {power, divisor.subtract(BigInteger.ONE).max(BigInteger.ONE)});
                pairs.add(new BigInteger[] {power.subtract(BigInteger.ONE), divisor.add(BigInteger.ONE)});
            }
            BigInteger b = new BigInteger(Math.max(1, k / 2), new Random(random.nextLong())).setBit(0);
            pairs.add(new BigInteger[] {b.multiply(BigInteger.valueOf(7)).shiftLeft(3 * (k % 4)), b});
            pairs.add(new BigInteger[] {b.multiply(BigInteger.valueOf(8)).add(b.subtract(BigInteger.ONE)), b});
            pairs.add(new BigInteger[] {new BigInteger(k + 20, new Random(random.nextLong())), b});
            pairs.add(new BigInteger[] {b.subtract(BigInteger.ONE), b});
        }
        return pairs;
    }
}
