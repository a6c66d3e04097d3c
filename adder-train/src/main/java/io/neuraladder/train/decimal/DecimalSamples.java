package io.neuraladder.train.decimal;

import java.util.SplittableRandom;

/**
 * Random non-negative decimal operands as digit strings, most significant digit first, leading
 * zeros allowed. Uniform digits rarely carry far; carry-heavy pairs make every digit pair sum to 9
 * after a pair that carries, so one carry ripples through the whole number ("999…9" + "1").
 */
public final class DecimalSamples {

    private DecimalSamples() {}

    /** {@code count} pairs of {@code digits}-digit numbers with uniform random digits. */
    public static String[][] uniform(SplittableRandom random, int count, int digits) {
        String[][] pairs = new String[count][];
        for (int n = 0; n < count; n++) {
            char[] a = new char[digits];
            char[] b = new char[digits];
            for (int t = 0; t < digits; t++) {
                a[t] = (char) ('0' + random.nextInt(10));
                b[t] = (char) ('0' + random.nextInt(10));
            }
            pairs[n] = new String[] {new String(a), new String(b)};
        }
        return pairs;
    }

    /**
     * {@code count} pairs of {@code digits}-digit numbers whose low digits start a carry that
     * ripples: above a random carrying pair, every digit pair sums to 9, up to a random height.
     */
    public static String[][] carryHeavy(SplittableRandom random, int count, int digits) {
        String[][] pairs = uniform(random, count, digits);
        for (String[] pair : pairs) {
            char[] a = pair[0].toCharArray();
            char[] b = pair[1].toCharArray();
            int start = random.nextInt(digits);
            int end = start + random.nextInt(digits - start);
            int low = digits - 1 - start;
            int first = 1 + random.nextInt(9);
            a[low] = (char) ('0' + first);
            b[low] = (char) ('0' + 10 - first + random.nextInt(first));
            for (int position = low - 1; position >= digits - 1 - end && position >= 0; position--) {
                int x = random.nextInt(10);
                a[position] = (char) ('0' + x);
                b[position] = (char) ('0' + 9 - x);
            }
            pair[0] = new String(a);
            pair[1] = new String(b);
        }
        return pairs;
    }
}
