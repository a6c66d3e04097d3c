package io.neuraladder.train;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import java.util.Locale;

/**
 * The hyperparameters of one training run. With the same values, a run reproduces the same model.
 *
 * @param method how the network is built and trained
 * @param cell the recurrent cell ({@link Method#PLAIN} supports only the LSTM)
 * @param loss the per-bit loss ({@link Method#PLAIN} supports only binary cross-entropy)
 * @param hiddenSize units of the recurrent cell
 * @param trainSteps bits per training sequence (1 to 32); validation always uses 32
 * @param seed seed of the weights, every generated example and the state noise
 * @param batchSize sequences per minibatch
 * @param learningRate Adam's learning rate
 * @param stateNoise standard deviation of the Gaussian noise added to the state after every step
 *     ({@link Method#CERTIFIABLE} only)
 * @param maxIterations minibatches after which training gives up
 * @param evaluateEvery minibatches between evaluations (one "epoch" of the progress table)
 * @param validationPairs fresh uniform random pairs per evaluation; the confirmation adds ten times as many
 */
public record TrainingConfig(
        Method method,
        CellType cell,
        Loss loss,
        int hiddenSize,
        int trainSteps,
        long seed,
        int batchSize,
        double learningRate,
        double stateNoise,
        int maxIterations,
        int evaluateEvery,
        int validationPairs) {

    /** How the network is built and trained, and what "done" means. */
    public enum Method {

        /**
         * DL4J's {@code LSTM} layer and {@code RnnOutputLayer} in a {@code MultiLayerNetwork}.
         * Done when exact on the validation sets; such models are exact on samples but do not
         * certify.
         */
        PLAIN,

        /**
         * The cell unrolled in DL4J's SameDiff (an LSTM's forget gate or a GRU's update gate held
         * shut) with noise on the state after every step. Done when exact on the validation sets
         * and the carry certificate proves it exact for every input.
         */
        CERTIFIABLE;

        /** The name used on the command line. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The loss on each step's sum-bit probability {@code p} for the true bit {@code y}. */
    public enum Loss {

        /** Binary cross-entropy, {@code -y log p - (1 - y) log(1 - p)}, computed from the logit. */
        BCE,

        /** Mean squared error, {@code (p - y)^2}. */
        MSE;

        /** The name used on the command line. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What {@code train} does without options: a certified 8-unit RNN, trained on 8-bit sequences
     * with a high learning rate and strong state noise, evaluated often on small sets. From a fresh
     * JVM to the written model takes about four seconds on two cores (docs/performance.md).
     */
    public static final TrainingConfig DEFAULT = new TrainingConfig(Method.CERTIFIABLE, CellType.RNN, Loss.BCE, 8,
            8, 1, 256, 0.1, 0.3, 1_000, 25, 10_000);

    /** The configuration of the shipped default model, {@code models/adder-lstm.onnx}: a certified 4-unit LSTM. */
    public static final TrainingConfig SHIPPED_LSTM = new TrainingConfig(Method.CERTIFIABLE, CellType.LSTM, Loss.BCE,
            4, 16, 3, 256, 0.03, 0.15, 3_000, 250, 100_000);

    /** Defaults for the plain DL4J LSTM layer. */
    public static final TrainingConfig PLAIN_DEFAULT = new TrainingConfig(Method.PLAIN, CellType.LSTM, Loss.BCE, 8,
            16, 42, 128, 0.02, 0, 4_000, 50, 100_000);

    /** Checks every value's range. */
    public TrainingConfig {
        require(method != null, "a training method is required", method);
        require(cell != null, "a cell type is required", cell);
        require(loss != null, "a loss is required", loss);
        require(method != Method.PLAIN || (cell == CellType.LSTM && loss == Loss.BCE),
                "the plain method trains DL4J's LSTM layer with binary cross-entropy only; use the certifiable "
                + "method for other cells and losses", cell.metadataName() + " with " + loss.cliName());
        require(hiddenSize >= 1 && hiddenSize <= 256, "hidden size must be 1..256", hiddenSize);
        require(trainSteps >= 1 && trainSteps <= ModelContract.INT_STEPS, "training steps must be 1..32", trainSteps);
        require(batchSize >= 1 && batchSize <= 65_536, "batch size must be 1..65536", batchSize);
        require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1)", learningRate);
        require(stateNoise >= 0 && stateNoise < 1, "state noise must be in [0, 1)", stateNoise);
        require(maxIterations >= 1, "max iterations must be at least 1", maxIterations);
        require(evaluateEvery >= 1, "evaluate-every must be at least 1", evaluateEvery);
        require(validationPairs >= 1, "validation pairs must be at least 1", validationPairs);
    }

    /** A copy with another hidden size. */
    public TrainingConfig withHiddenSize(int hidden) {
        return new TrainingConfig(method, cell, loss, hidden, trainSteps, seed, batchSize, learningRate, stateNoise,
                maxIterations, evaluateEvery, validationPairs);
    }

    /** A copy with another cell, loss, training length and seed: one point of an experiment grid. */
    public TrainingConfig with(CellType cell, Loss loss, int trainSteps, long seed) {
        return new TrainingConfig(method, cell, loss, hiddenSize, trainSteps, seed, batchSize, learningRate,
                stateNoise, maxIterations, evaluateEvery, validationPairs);
    }

    /** A copy with another iteration budget and evaluation interval, for quick runs. */
    public TrainingConfig withBudget(int maxIterations, int evaluateEvery, int validationPairs) {
        return new TrainingConfig(method, cell, loss, hiddenSize, trainSteps, seed, batchSize, learningRate,
                stateNoise, maxIterations, evaluateEvery, validationPairs);
    }

    private static void require(boolean valid, String rule, Object value) {
        if (!valid) {
            throw new IllegalArgumentException(rule + ", got " + value);
        }
    }
}
