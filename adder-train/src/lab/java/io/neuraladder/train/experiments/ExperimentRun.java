package io.neuraladder.train.experiments;

import io.neuraladder.train.EvaluationRow;
import io.neuraladder.train.TrainingConfig;
import io.neuraladder.train.TrainingResult;
import java.util.Optional;

/**
 * One training run of an experiment grid and what it measured.
 *
 * @param result the training run
 * @param lengthAccuracy the exact-sum rate at each of {@link LengthAccuracy#LENGTHS}
 */
public record ExperimentRun(TrainingResult result, double[] lengthAccuracy) {

    /** The run's hyperparameters. */
    public TrainingConfig config() {
        return result.config();
    }

    /** The first evaluation at which every uniform, edge and carry-heavy validation pair was exact. */
    public Optional<EvaluationRow> firstExact() {
        return result.rows().stream().filter(EvaluationRow::perfect).findFirst();
    }

    /** Whether the final weights were proved exact for every input length. */
    public boolean certified() {
        return result.certificate().proved();
    }

    /** The exact-sum rate at operand length {@code length}. */
    public double accuracyAt(int length) {
        return lengthAccuracy[LengthAccuracy.indexOf(length)];
    }
}
