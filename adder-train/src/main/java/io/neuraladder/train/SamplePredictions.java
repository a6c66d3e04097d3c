package io.neuraladder.train;

import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.certify.RecurrentCell;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A few sums as the network computes them, for people watching training, in the style of the
 * notebooks this project grew from: {@code Q 535+61  T 596  ☑ 596}, in decimal and in binary.
 */
public final class SamplePredictions {

    private static final char RIGHT = '☑';
    private static final char WRONG = '☒';

    private SamplePredictions() {}

    /**
     * Lines for {@code count} pairs: small numbers first, then a carry chain, then uniform random
     * ints; the same pairs for the same {@code seed}.
     */
    public static List<String> lines(CellWeights weights, long seed, int count) {
        RecurrentCell cell = RecurrentCell.of(weights);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int a;
            int b;
            if (k < count / 2) {
                a = random.nextInt(1_000);
                b = random.nextInt(1_000);
            } else if (k == count / 2) {
                int bits = 8 + random.nextInt(20);
                a = (1 << bits) - 1;
                b = 1;
            } else {
                a = random.nextInt();
                b = random.nextInt();
            }
            int predicted = cell.addWrapping(a, b, ModelContract.INT_STEPS);
            lines.add(line(a, b, predicted));
        }
        return lines;
    }

    /** One pair in decimal, then in binary (32 bits, most significant first). */
    static String line(int a, int b, int predicted) {
        int truth = a + b;
        char mark = predicted == truth ? RIGHT : WRONG;
        String decimal = String.format("Q %-23s T %-11d %c %d", a + "+" + b, truth, mark, predicted);
        String binary = String.format("Q %s+%s  T %s %c %s", bits(a), bits(b), bits(truth), mark, bits(predicted));
        return decimal + "\n" + binary;
    }

    private static String bits(int value) {
        String text = Integer.toBinaryString(value);
        return "0".repeat(Integer.SIZE - text.length()) + text;
    }
}
