package io.neuraladder;

import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * A digit-serial adder's load-time self-test in its radix {@code r}: every pair of digits, with and
 * without an incoming carry, and carry chains up to 40 digits long ({@code (r-1)(r-1)…(r-1) + 1}),
 * in one run; all must be exact.
 */
final class DigitSelfTest {

    private DigitSelfTest() {}

    /** Returns normally if {@code adder} adds every case exactly; throws {@link ModelSelfTestException} otherwise. */
    static void verify(String source, int radix, BinaryOperator<String[]> adder) {
        String[][] cases = cases(radix);
        String[] a = new String[cases.length];
        String[] b = new String[cases.length];
        for (int n = 0; n < cases.length; n++) {
            a[n] = cases[n][0];
            b[n] = cases[n][1];
        }
        String[] sums = adder.apply(a, b);
        int wrong = 0;
        int first = -1;
        for (int n = 0; n < cases.length; n++) {
            if (!sums[n].equals(new BigInteger(a[n], radix).add(new BigInteger(b[n], radix)).toString(radix))) {
                wrong++;
                first = first < 0 ? n : first;
            }
        }
        if (wrong > 0) {
            throw new ModelSelfTestException("model " + source + " failed the load-time self-test: " + wrong + " of "
                    + cases.length + " " + DigitOperands.kind(radix) + " cases are wrong, the first "
                    + a[first] + " + " + b[first] + " = " + sums[first]
                    + ". Refusing it; retrain it, or load it anyway with skipSelfTest()");
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

    private static String[][] cases(int radix) {
        String top = digit(radix - 1, radix);
        String half = digit(radix / 2, radix);
        String rest = digit(radix - 1 - radix / 2, radix);
        List<String[]> cases = new ArrayList<>();
        for (int x = 0; x < radix; x++) {
            for (int y = 0; y < radix; y++) {
                cases.add(new String[] {digit(x, radix), digit(y, radix)});
                cases.add(new String[] {digit(x, radix) + top, digit(y, radix) + "1"});
            }
        }
        for (int length = 1; length <= 40; length++) {
            cases.add(new String[] {top.repeat(length), "1"});
            cases.add(new String[] {half.repeat(length), rest.repeat(length - 1) + half});
        }
        cases.add(new String[] {BigInteger.valueOf(535).toString(radix), BigInteger.valueOf(61).toString(radix)});
        return cases.toArray(String[][]::new);
    }

    private static String digit(int value, int radix) {
        return String.valueOf(Character.forDigit(value, radix));
    }
}
