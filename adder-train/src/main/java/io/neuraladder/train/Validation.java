package io.neuraladder.train;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.certify.RecurrentCell;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Scores weights on operand pairs against the {@link Operator}'s own step, by running the cell in
 * double precision on exactly the float32 weights an exported file holds: a pair is exact when
 * every step's output digit is the operator's.
 */
public final class Validation {

    /** Pairs one task scores. */
    private static final int CHUNK = 4_096;

    private Validation() {}

    /**
     * Runs every pair through {@code weights} and counts exact results and correct digits. Chunks of
     * pairs run in parallel, each with its own cell: while the trainer evaluates, ND4J is idle.
     */
    public static ValidationScore score(CellWeights weights, Operator operator, TrainingPairs pairs) {
        int chunks = (pairs.size() + CHUNK - 1) / CHUNK;
        long[] counts = IntStream.range(0, chunks).parallel()
                .mapToObj(k -> count(weights, operator, pairs.slice(k * CHUNK, Math.min(pairs.size(), (k + 1) * CHUNK))))
                .reduce(new long[3], (x, y) -> new long[] {x[0] + y[0], x[1] + y[1], x[2] + y[2]});
        return new ValidationScore(pairs.size(), counts[2], counts[0], counts[1]);
    }

    /** Exact pairs, correct digits and digits, in that order. */
    private static long[] count(CellWeights weights, Operator operator, TrainingPairs pairs) {
        RecurrentCell cell = RecurrentCell.of(weights);
        int radix = weights.radix();
        long exact = 0;
        long correct = 0;
        long digits = 0;
        double[] state = new double[cell.stateSize()];
        for (int n = 0; n < pairs.size(); n++) {
            int[] expected = pairs.expected(operator, radix, n);
            Arrays.fill(state, 0);
            int right = 0;
            for (int t = 0; t < expected.length; t++) {
                cell.step(state, pairs.digit(n, 0, t), pairs.digit(n, 1, t));
                right += cell.digit(state) == expected[t] ? 1 : 0;
            }
            exact += right == expected.length ? 1 : 0;
            correct += right;
            digits += expected.length;
        }
        return new long[] {exact, correct, digits};
    }

    /**
     * The mean cross-entropy per output digit of the noise-free network on {@code pairs}: binary
     * cross-entropy of the logit for bits, softmax cross-entropy for digits.
     */
    public static double loss(CellWeights weights, Operator operator, TrainingPairs pairs) {
        RecurrentCell cell = RecurrentCell.of(weights);
        double[] state = new double[cell.stateSize()];
        double total = 0;
        long digits = 0;
        for (int n = 0; n < pairs.size(); n++) {
            int[] expected = pairs.expected(operator, weights.radix(), n);
            Arrays.fill(state, 0);
            for (int t = 0; t < expected.length; t++) {
                cell.step(state, pairs.digit(n, 0, t), pairs.digit(n, 1, t));
                total += cell.crossEntropy(state, expected[t]);
            }
            digits += expected.length;
        }
        return digits == 0 ? 0 : total / digits;
    }
}
