package io.neuraladder.train;

import io.neuraladder.train.certify.Certificate;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param config the hyperparameters
 * @param weights the trained weights, as the exported file holds them
 * @param rows the training table, one row per evaluation
 * @param confirmation the final check on a larger fresh set, if an evaluation met the goal
 * @param certificate the certificate search's outcome for the final weights
 * @param certified whether the runtime's kernel accepted that certificate in the bytes the export writes
 * @param iterations minibatches trained
 * @param elapsedMillis wall time of the whole run, evaluations included
 */
public record TrainingResult(TrainingConfig config, CellWeights weights, List<EvaluationRow> rows,
        Confirmation confirmation, Certificate certificate, boolean certified, int iterations, long elapsedMillis) {

    /** Whether the network was exact on every validation and confirmation pair. */
    public boolean exact() {
        return confirmation != null && confirmation.perfect();
    }

    /** Whether the run reached its method's goal: exact, and for the certifiable method also certified. */
    public boolean succeeded() {
        return exact() && (config.method() != TrainingConfig.Method.CERTIFIABLE || certified);
    }

    /** Training examples (sequences) seen. */
    public long examples() {
        return (long) iterations * config.batchSize();
    }

    /**
     * The last, larger check before training stops.
     *
     * @param random fresh uniform random pairs
     * @param edge every pair of edge values
     * @param carryHeavy fresh carry-heavy pairs
     */
    public record Confirmation(ValidationScore random, ValidationScore edge, ValidationScore carryHeavy) {

        /** Whether every pair was added exactly. */
        public boolean perfect() {
            return random.perfect() && edge.perfect() && carryHeavy.perfect();
        }
    }
}
