package io.neuraladder.train;

import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.train.certify.RecurrentCell;
import java.util.stream.IntStream;

/**
 * Scores weights on operand pairs, at the full 32 bits of an int, by running the cell in
 * double precision on exactly the float32 weights an exported file holds.
 */
public final class Validation {

    /** Pairs one task scores. */
    private static final int CHUNK = 4_096;

    private Validation() {}

    /** Adds every pair with {@code weights} and counts exact sums and correct bits. */
    public static ValidationScore score(CellWeights weights, IntPairs pairs) {
        return score(weights, pairs, ModelContract.INT_STEPS);
    }

    /**
     * Like {@link #score(CellWeights, IntPairs)}, on the low {@code steps} bits only. Chunks of
     * pairs run in parallel, each with its own cell: while the trainer evaluates, ND4J is idle.
     */
    static ValidationScore score(CellWeights weights, IntPairs pairs, int steps) {
        int chunks = (pairs.size() + CHUNK - 1) / CHUNK;
        long[] counts = IntStream.range(0, chunks).parallel()
                .mapToObj(k -> count(weights, pairs.slice(k * CHUNK, Math.min(pairs.size(), (k + 1) * CHUNK)), steps))
                .reduce(new long[2], (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
        return new ValidationScore(pairs.size(), steps, counts[0], counts[1]);
    }

    /** Exact sums and correct bits, in that order. */
    private static long[] count(CellWeights weights, IntPairs pairs, int steps) {
        RecurrentCell cell = RecurrentCell.of(weights);
        int mask = steps == Integer.SIZE ? -1 : (1 << steps) - 1;
        long exact = 0;
        long correctBits = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int wrongBits = (cell.addWrapping(pairs.a()[i], pairs.b()[i], steps) ^ (pairs.a()[i] + pairs.b()[i])) & mask;
            exact += wrongBits == 0 ? 1 : 0;
            correctBits += steps - Integer.bitCount(wrongBits);
        }
        return new long[] {exact, correctBits};
    }

    /** The mean binary cross-entropy, per sum bit, of the noise-free network on {@code pairs}. */
    static double loss(CellWeights weights, IntPairs pairs, int steps) {
        RecurrentCell cell = RecurrentCell.of(weights);
        double total = 0;
        for (int i = 0; i < pairs.size(); i++) {
            total += cell.crossEntropy(pairs.a()[i], pairs.b()[i], steps);
        }
        return total / ((double) pairs.size() * steps);
    }
}
