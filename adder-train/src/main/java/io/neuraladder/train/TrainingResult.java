package io.neuraladder.train;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What a training run produced.
 *
 * @param config the hyperparameters
 * @param network the trained network
 * @param rows the training table, one row per evaluation
 * @param confirmation the final check on a larger fresh set, if an evaluation was perfect
 * @param iterations minibatches trained
 * @param elapsedMillis wall time of the whole run, evaluations included
 */
public record TrainingResult(TrainingConfig config, MultiLayerNetwork network, List<EvaluationRow> rows,
        Confirmation confirmation, int iterations, long elapsedMillis) {

    /** Whether the network was exact on every validation and confirmation pair. */
    public boolean exact() {
        return confirmation != null && confirmation.perfect();
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
