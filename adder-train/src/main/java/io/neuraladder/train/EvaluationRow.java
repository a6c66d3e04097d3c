package io.neuraladder.train;

/**
 * One line of the training table, written at each evaluation.
 *
 * @param epoch the evaluation's number; an epoch is {@link TrainingConfig#evaluateEvery()} minibatches
 * @param iteration minibatches trained so far
 * @param elapsedMillis wall time since training started
 * @param miniBatchExact share of the last minibatch's sums that were exact, at the training length
 * @param random score on fresh uniform random pairs
 * @param edge score on every pair of edge values
 * @param carryHeavy score on fresh carry-heavy pairs
 * @param loss the noise-free network's cross-entropy per output digit on the last minibatch, at the
 *     training length
 * @param validationLoss the same on {@link Trainer#VALIDATION_LOSS_PAIRS} fresh uniform validation pairs
 * @param learningRate the learning rate in use
 * @param certified whether the runtime's kernel accepted the certificate found for these weights
 */
public record EvaluationRow(int epoch, int iteration, long elapsedMillis, double miniBatchExact,
        ValidationScore random, ValidationScore edge, ValidationScore carryHeavy, double loss, double validationLoss, double learningRate,
        boolean certified) {

    /** This row with {@code certified} set. */
    public EvaluationRow withCertified(boolean value) {
        return new EvaluationRow(epoch, iteration, elapsedMillis, miniBatchExact, random, edge, carryHeavy, loss,
                validationLoss, learningRate, value);
    }

    /** Whether every validation pair was added exactly. */
    public boolean perfect() {
        return random.perfect() && edge.perfect() && carryHeavy.perfect();
    }
}
