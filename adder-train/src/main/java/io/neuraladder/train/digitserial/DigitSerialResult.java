package io.neuraladder.train.digitserial;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.Certificate;
import java.util.List;

/**
 * What a digit-serial training run produced.
 *
 * @param config the hyperparameters
 * @param weights the trained weights, as the exported file holds them
 * @param rows one row per evaluation
 * @param certificate the carry certificate of the final weights
 * @param confirmed whether a ten times larger fresh set was exact after the goal was met
 * @param iterations minibatches trained
 * @param elapsedMillis wall time of the whole run, evaluations included
 */
public record DigitSerialResult(DigitSerialConfig config, CellWeights weights, List<Row> rows, Certificate certificate,
        boolean confirmed, int iterations, long elapsedMillis) {

    /** Whether the run reached its goal: exact on every validation set, confirmed, and certified. */
    public boolean succeeded() {
        return confirmed && certificate.proved();
    }

    /** Whether the model was exact on every validation set and on the ten times larger confirmation. */
    public boolean exact() {
        return confirmed;
    }

    /** Training examples (sequences) seen. */
    public long examples() {
        return (long) iterations * config.batchSize();
    }

    /**
     * One evaluation.
     *
     * @param iteration minibatches trained so far
     * @param elapsedMillis wall time since training started
     * @param trainingExact share of the last minibatch's sums that were exact
     * @param uniformExact share of fresh uniform pairs (1 to 40 digits) added exactly
     * @param carryHeavyExact share of fresh carry-heavy pairs (1 to 40 digits) added exactly
     * @param certified whether the carry certificate proved the weights exact
     */
    public record Row(int iteration, long elapsedMillis, double trainingExact, double uniformExact,
            double carryHeavyExact, boolean certified) {

        /** Whether every validation pair was exact. */
        public boolean perfect() {
            return uniformExact == 1 && carryHeavyExact == 1;
        }
    }
}
