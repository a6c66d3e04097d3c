package io.neuraladder.engine;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A bit-serial model's {@code BigInteger} results, exact, in as few steps in sequence as the
 * operands allow: short pairs run one step per bit, a few on the file's graph (a row each) and more
 * eight to a row of the packed graph; long pairs, when there are few of them, run in chunks side by
 * side ({@link CarrySelect}). Every run's memory is bounded.
 */
final class BigIntegerRuns {

    /**
     * Operand widths, in steps, from which a pair is computed in chunks: below it, a few rows running
     * every step in sequence are faster (docs/performance.md).
     */
    static final int CHUNKED_FROM_STEPS = 256;

    /** Pairs in a run below which a wide run is chunked: below it, the run's rows are too few to fill a step. */
    static final int CHUNKED_BELOW_PAIRS = 16 * PackedGraph.PAIRS_PER_ROW;

    /** Pair-steps per run: bounds its buffers to a few MB. */
    static final int PAIR_STEPS_PER_RUN = 1 << 20;

    /**
     * Pair-steps of padding, to the widest pair's steps, past which a run of mixed widths is split:
     * an estimate of one more run's fixed cost (about a single add's 12 µs) at about 0.04 µs per
     * packed pair-step, not tuned.
     */
    static final long PADDING_PER_RUN = 1024;

    /** Pairs in a run up to which each takes a row of the file's graph; more share rows of the packed graph. */
    static final int ROW_PER_PAIR_UP_TO = 4;

    /**
     * Runs a {@code [steps, count, 2]} input on the file's graph or the packed one; returns each
     * step's probabilities.
     */
    interface GraphRun {
        float[] run(boolean packed, float[] input, int steps, int count);
    }

    private final GraphRun graphs;
    private final CarrySelect carrySelect;

    /** Results of {@code operator}'s model, run by {@code graphs}. */
    BigIntegerRuns(Operator operator, GraphRun graphs) {
        this.graphs = graphs;
        this.carrySelect = new CarrySelect(operator, PAIR_STEPS_PER_RUN / CarrySelect.STRING_STEPS,
                PackedGraph.PAIRS_PER_ROW);
    }

    /** {@code a op b}, exactly. */
    BigInteger exact(BigInteger a, BigInteger b) {
        int steps = BitCodec.steps(a, b);
        if (steps >= CHUNKED_FROM_STEPS) {
            BigInteger[] result = new BigInteger[1];
            carrySelect.exact(new BigInteger[] {a}, new BigInteger[] {b}, new int[] {steps}, 0, 1, this::runStrings,
                    result);
            return result[0];
        }
        float[] input = new float[steps * ModelContract.INPUT_FEATURES];
        BitCodec.encode(a, b, steps, FloatBuffer.wrap(input));
        return BitCodec.decodeBigInteger(FloatBuffer.wrap(graphs.run(false, input, steps, 1)), steps);
    }

    /**
     * {@code a[i] op b[i]} for every index, exactly, in runs of at most {@link #PAIR_STEPS_PER_RUN}
     * pair-steps: the pairs in order of width, a run ending where widening it would pad its pairs by
     * more than {@link #PADDING_PER_RUN} steps.
     */
    BigInteger[] exact(BigInteger[] a, BigInteger[] b) {
        int[] widths = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            widths[i] = BitCodec.steps(a[i], b[i]);
        }
        int[] order = IntStream.range(0, a.length).boxed().sorted(Comparator.comparingInt(i -> widths[i]))
                .mapToInt(Integer::intValue).toArray();
        BigInteger[] left = new BigInteger[a.length];
        BigInteger[] right = new BigInteger[a.length];
        int[] steps = new int[a.length];
        for (int k = 0; k < order.length; k++) {
            left[k] = a[order[k]];
            right[k] = b[order[k]];
            steps[k] = widths[order[k]];
        }
        BigInteger[] sorted = new BigInteger[a.length];
        int from = 0;
        while (from < a.length) {
            int to = from + 1;
            while (to < a.length && (long) steps[to] * (to - from + 1) <= PAIR_STEPS_PER_RUN
                    && (long) (steps[to] - steps[to - 1]) * (to - from) <= PADDING_PER_RUN) {
                to++;
            }
            int widest = steps[to - 1];
            if (widest >= CHUNKED_FROM_STEPS && to - from < CHUNKED_BELOW_PAIRS) {
                carrySelect.exact(left, right, steps, from, to, this::runStrings, sorted);
            } else {
                runRows(left, right, from, to, widest, sorted);
            }
            from = to;
        }
        BigInteger[] results = new BigInteger[a.length];
        for (int k = 0; k < order.length; k++) {
            results[order[k]] = sorted[k];
        }
        return results;
    }

    /** Computes pairs {@code from} to {@code to} (exclusive) over {@code steps} bits in one run, one step per bit. */
    private void runRows(BigInteger[] a, BigInteger[] b, int from, int to, int steps, BigInteger[] results) {
        int count = to - from;
        boolean packed = count > ROW_PER_PAIR_UP_TO;
        int multiple = packed ? PackedGraph.PAIRS_PER_ROW : 1;
        int padded = (count + multiple - 1) / multiple * multiple;
        float[] input = new float[steps * padded * ModelContract.INPUT_FEATURES];
        long[][] wordsA = new long[count][];
        long[][] wordsB = new long[count][];
        for (int n = 0; n < count; n++) {
            wordsA[n] = TwosComplement.words(a[from + n], TwosComplement.wordsFor(steps));
            wordsB[n] = TwosComplement.words(b[from + n], TwosComplement.wordsFor(steps));
        }
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < count; n++) {
                int row = (t * padded + n) * ModelContract.INPUT_FEATURES;
                input[row] = wordsA[n][t / Long.SIZE] >>> t & 1;
                input[row + 1] = wordsB[n][t / Long.SIZE] >>> t & 1;
            }
        }
        float[] output = graphs.run(packed, input, steps, padded);
        BigInteger[] read = TwosComplement.columns(output, steps, padded, count, ModelContract.THRESHOLD);
        System.arraycopy(read, 0, results, from, count);
    }

    /** Runs {@link CarrySelect}'s strings on the packed graph. */
    private float[] runStrings(float[] input, int steps, int strings) {
        return graphs.run(true, input, steps, strings);
    }
}
