package io.neuraladder.train;

import io.neuraladder.contract.ModelContract;

/**
 * The hyperparameters of one training run. With the same values, a run reproduces the same model.
 *
 * @param hiddenSize units of the LSTM cell
 * @param trainSteps bits per training sequence (1 to 32); validation always uses 32
 * @param seed seed of the weights and of every generated example
 * @param batchSize sequences per minibatch
 * @param learningRate Adam's learning rate
 * @param maxIterations minibatches after which training gives up if the model is not yet exact
 * @param evaluateEvery minibatches between evaluations (one "epoch" of the progress table)
 * @param validationPairs fresh uniform random pairs per evaluation (at least 100,000 for "done")
 */
public record TrainingConfig(
        int hiddenSize,
        int trainSteps,
        long seed,
        int batchSize,
        double learningRate,
        int maxIterations,
        int evaluateEvery,
        int validationPairs) {

    /** The defaults that build the shipped model. */
    public static final TrainingConfig DEFAULT = new TrainingConfig(8, 16, 42, 128, 0.02, 4_000, 50, 100_000);

    /** Checks every value's range. */
    public TrainingConfig {
        require(hiddenSize >= 1 && hiddenSize <= 256, "hidden size must be 1..256", hiddenSize);
        require(trainSteps >= 1 && trainSteps <= ModelContract.INT_STEPS, "training steps must be 1..32", trainSteps);
        require(batchSize >= 1 && batchSize <= 65_536, "batch size must be 1..65536", batchSize);
        require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1)", learningRate);
        require(maxIterations >= 1, "max iterations must be at least 1", maxIterations);
        require(evaluateEvery >= 1, "evaluate-every must be at least 1", evaluateEvery);
        require(validationPairs >= 1, "validation pairs must be at least 1", validationPairs);
    }

    private static void require(boolean valid, String rule, Object value) {
        if (!valid) {
            throw new IllegalArgumentException(rule + ", got " + value);
        }
    }
}
