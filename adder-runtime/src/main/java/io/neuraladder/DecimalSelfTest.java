package io.neuraladder;

import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * The decimal adder's load-time self-test: every pair of digits, with and without an incoming
 * carry, and carry chains up to 40 digits long ("999…9" + "1"), in one run; all must be exact.
 */
final class DecimalSelfTest {

    private static final String[][] CASES = cases();

    private DecimalSelfTest() {}

    /** Returns normally if {@code adder} adds every case exactly; throws {@link ModelSelfTestException} otherwise. */
    static void verify(String source, BinaryOperator<String[]> adder) {
        String[] a = new String[CASES.length];
        String[] b = new String[CASES.length];
        for (int n = 0; n < CASES.length; n++) {
            a[n] = CASES[n][0];
            b[n] = CASES[n][1];
        }
        String[] sums = adder.apply(a, b);
        int wrong = 0;
        int first = -1;
        for (int n = 0; n < CASES.length; n++) {
            if (!sums[n].equals(new BigInteger(a[n]).add(new BigInteger(b[n])).toString())) {
                wrong++;
                first = first < 0 ? n : first;
            }
        }
        if (wrong > 0) {
            throw new ModelSelfTestException("model " + source + " failed the load-time self-test: " + wrong + " of "
                    + CASES.length + " decimal cases are wrong, the first " + a[first] + " + " + b[first] + " = "
                    + sums[first] + ". Refusing it; retrain it, or load it anyway with skipSelfTest()");
        }
    }

    /** Throws if the model produced a non-finite probability: its weights hold NaN or Inf. */
    static void requireFinite(String source, FloatBuffer probabilities) {
        for (int i = 0; i < probabilities.limit(); i++) {
            if (!Float.isFinite(probabilities.get(i))) {
                throw new IllegalStateException("model " + source + " computed a non-finite digit probability ("
                        + probabilities.get(i) + "); its weights are probably corrupted");
            }
        }
    }

    private static String[][] cases() {
        List<String[]> cases = new ArrayList<>();
        for (int x = 0; x < 10; x++) {
            for (int y = 0; y < 10; y++) {
                cases.add(new String[] {Integer.toString(x), Integer.toString(y)});
                cases.add(new String[] {x + "9", y + "1"});
            }
        }
        for (int length = 1; length <= 40; length++) {
            cases.add(new String[] {"9".repeat(length), "1"});
            cases.add(new String[] {"5".repeat(length), "4".repeat(length - 1) + "5"});
        }
        cases.add(new String[] {"535", "61"});
        return cases.toArray(String[][]::new);
    }
}
