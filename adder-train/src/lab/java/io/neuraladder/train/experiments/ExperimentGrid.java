package io.neuraladder.train.experiments;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.Trainer;
import io.neuraladder.train.TrainingConfig;
import io.neuraladder.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A grid of training runs: every cell × loss × training length × seed, each trained from scratch
 * with the same base hyperparameters, then measured by length.
 *
 * @param base the hyperparameters every run shares (method, hidden size, budget, ...)
 * @param cells the cells compared
 * @param losses the losses compared
 * @param trainSteps the training sequence lengths compared
 * @param seeds the seeds; each is a row of its own, failures included
 * @param lengthSamples pairs per length for {@link LengthAccuracy}
 */
public record ExperimentGrid(TrainingConfig base, List<CellType> cells, List<TrainingConfig.Loss> losses,
        List<Integer> trainSteps, List<Long> seeds, int lengthSamples) {

    /** Copies the lists and checks that none is empty. */
    public ExperimentGrid {
        cells = List.copyOf(cells);
        losses = List.copyOf(losses);
        trainSteps = List.copyOf(trainSteps);
        seeds = List.copyOf(seeds);
        if (cells.isEmpty() || losses.isEmpty() || trainSteps.isEmpty() || seeds.isEmpty() || lengthSamples < 1) {
            throw new IllegalArgumentException("an experiment grid needs at least one cell, loss, training length "
                    + "and seed, and at least one sample per length");
        }
    }

    /** Every run's hyperparameters, in the order they run. */
    public List<TrainingConfig> configs() {
        List<TrainingConfig> configs = new ArrayList<>();
        for (CellType cell : cells) {
            for (TrainingConfig.Loss loss : losses) {
                for (int steps : trainSteps) {
                    for (long seed : seeds) {
                        configs.add(base.toBuilder().cell(cell).loss(loss).trainDigits(steps).seed(seed).build());
                    }
                }
            }
        }
        return configs;
    }

    /** The largest number of minibatches the grid may train: its progress bar's length. */
    public long maxIterations() {
        return (long) configs().size() * base.maxIterations();
    }

    /**
     * Trains every run in turn.
     *
     * @param listener hears every run's training progress
     * @param finished receives each run when it is measured
     */
    public List<ExperimentRun> run(Trainer.Listener listener, Consumer<ExperimentRun> finished) {
        List<ExperimentRun> runs = new ArrayList<>();
        for (TrainingConfig config : configs()) {
            TrainingResult result = new Trainer(config, listener).train();
            ExperimentRun run = new ExperimentRun(result,
                    LengthAccuracy.measure(result.weights(), lengthSamples, config.seed()));
            runs.add(run);
            finished.accept(run);
        }
        return runs;
    }
}
