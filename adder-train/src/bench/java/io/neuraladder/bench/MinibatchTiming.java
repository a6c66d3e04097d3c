package io.neuraladder.bench;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.EvaluationRow;
import io.neuraladder.train.Trainer;
import io.neuraladder.train.TrainingConfig;
import java.util.Locale;

/**
 * The training step's cost: times SameDiff minibatches of the certifiable learner, the first
 * (which builds the gradient graph) apart from the steady ones. Arguments: cell, bits per
 * sequence, pairs per minibatch, hidden size; e.g. {@code rnn 8 256 8}. See docs/performance.md.
 */
public final class MinibatchTiming {

    private static final int WARM_UP = 20;
    private static final int TIMED = 200;

    private MinibatchTiming() {}

    public static void main(String[] args) {
        CellType cell = CellType.valueOf(args[0].toUpperCase(Locale.ROOT));
        int steps = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int hidden = Integer.parseInt(args[3]);
        int last = 1 + WARM_UP + TIMED;
        TrainingConfig config = TrainingConfig.DEFAULT.toBuilder().cell(cell).hiddenSize(hidden).trainDigits(steps)
                .batchSize(batch).maxIterations(last).evaluateEvery(last + 1).validationPairs(1).build();
        long[] at = new long[last + 1];
        long start = System.nanoTime();
        new Trainer(config, new Trainer.Listener() {
            @Override
            public void onEvaluation(EvaluationRow row, CellWeights weights) {}

            @Override
            public void onIteration(int iteration) {
                at[iteration] = System.nanoTime();
            }
        }).train();
        System.out.printf(Locale.ROOT, "%s, %d bits, %d pairs, H = %d: first minibatch %.0f ms, then %.2f ms per "
                + "minibatch (%d after %d of warm-up)%n", args[0], steps, batch, hidden, (at[1] - start) / 1e6,
                (at[last] - at[last - TIMED]) / 1e6 / TIMED, TIMED, WARM_UP);
    }
}
