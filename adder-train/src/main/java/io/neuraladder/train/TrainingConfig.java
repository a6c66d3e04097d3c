package io.neuraladder.train;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import java.util.List;
import java.util.Locale;

/**
 * The hyperparameters of one training run, for any operator and radix. With the same values, a
 * run reproduces the same model. Build one from {@link #defaults(int)} (or a preset) and change
 * what differs by name: {@code TrainingConfig.defaults(10).toBuilder().seed(3).build()}.
 *
 * <p>Radix 2 is the bit-serial contract: two raw bits in, one sigmoid out, operands trained on
 * their low {@code trainDigits} bits and validated at 32; every other radix is digit-serial (both
 * digits one-hot, a softmax over the output digit, one more step than digits for the final carry),
 * validated on 1 to 40 digits.
 *
 * @param operator what the model computes
 * @param radix the number base: 2 (bits) or {@link DigitSerialContract#MIN_RADIX} to
 *     {@link DigitSerialContract#MAX_RADIX}
 * @param method how the network is built and trained ({@link Method#PLAIN}: radix 2 only)
 * @param cell the recurrent cell ({@link Method#PLAIN} supports only the LSTM)
 * @param loss the per-bit loss of a binary model (digit-serial models use softmax cross-entropy)
 * @param hiddenSize units of the recurrent cell
 * @param recurrentRank carry units: the gates read the previous state only through its first
 *     {@code recurrentRank} units (recurrent matrices of that rank); 0 for full matrices
 * @param trainDigits digits (bits) per operand in a training sequence
 * @param seed seed of the weights, every generated example and the state noise
 * @param batchSize sequences per minibatch
 * @param learningRate Adam's learning rate
 * @param stateNoise standard deviation of the Gaussian noise added to the state after every step
 *     ({@link Method#CERTIFIABLE} only)
 * @param maxIterations minibatches after which training gives up
 * @param evaluateEvery minibatches between evaluations (one "epoch" of the progress table)
 * @param validationPairs fresh pairs per evaluation (see {@link OperandSets}); the confirmation
 *     draws ten times as many
 * @param quietChains share of each minibatch's carry-heavy half drawn as quiet chains (digit
 *     pairs summing to {@code r − 1} with no carry in; digit-serial only; 0: none)
 * @param carryHint weight of two cross-entropies on {@code (1 + h) / 2} that make a rank-1 cell a
 *     clean ripple-carry step (0: none; needs {@code recurrentRank} 1): unit 0 is told the state
 *     after every step and unit 1 to be on, and the next step reads their sum (a start flag, see
 *     {@link SameDiffCell}), which is 0 in the zero initial state as after no carry; neither unit
 *     gets state noise
 * @param carryGain the factor on the carry units' preactivations (1: none; needs a recurrent rank)
 * @param carrySaturation weight of a penalty on the carry units' distance from ±1 (0: none; needs
 *     a recurrent rank)
 */
public record TrainingConfig(
        Operator operator,
        int radix,
        Method method,
        CellType cell,
        Loss loss,
        int hiddenSize,
        int recurrentRank,
        int trainDigits,
        long seed,
        int batchSize,
        double learningRate,
        double stateNoise,
        int maxIterations,
        int evaluateEvery,
        int validationPairs,
        double quietChains,
        double carryHint,
        double carryGain,
        double carrySaturation) {

    /** How the network is built and trained, and what "done" means. */
    public enum Method {

        /**
         * DL4J's {@code LSTM} layer and {@code RnnOutputLayer} in a {@code MultiLayerNetwork}, for
         * binary adders: the documents' own way, and the experiments' baseline. Done when exact on
         * the validation sets; such models are exact on samples but do not certify.
         */
        PLAIN,

        /**
         * The cell unrolled in DL4J's SameDiff (an LSTM's forget gate or a GRU's update gate held
         * shut) with noise on the state after every step. Done when exact on the validation sets
         * and the runtime's kernel accepts the certificate found for the bytes to be written.
         */
        CERTIFIABLE;

        /** The name used on the command line. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The loss on each step's sum-bit probability {@code p} for the true bit {@code y} of a binary model. */
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

    /** The cells training builds: PyTorch's GRU ({@link CellType#GRU_LINEAR_BEFORE_RESET}) is only imported. */
    public static final List<CellType> TRAINABLE_CELLS = List.of(CellType.RNN, CellType.GRU, CellType.LSTM);

    /**
     * What {@code train} does without options: a certified 8-unit RNN, trained on 8-bit sequences
     * with a high learning rate and strong state noise, evaluated often on small sets. From a fresh
     * JVM to the written model takes a few seconds on two cores (docs/performance.md).
     */
    public static final TrainingConfig DEFAULT = new TrainingConfig(Operator.ADD, 2, Method.CERTIFIABLE, CellType.RNN,
            Loss.BCE, 8, 0, 8, 1, 256, 0.1, 0.3, 1_000, 25, 10_000, 0, 0, 1, 0);

    /** The configuration of the shipped default model, {@code models/adder-lstm.onnx}: a certified 4-unit LSTM. */
    public static final TrainingConfig SHIPPED_LSTM = DEFAULT.toBuilder().cell(CellType.LSTM).hiddenSize(4)
            .trainDigits(16).seed(3).learningRate(0.03).stateNoise(0.15).maxIterations(3_000).evaluateEvery(250)
            .validationPairs(100_000).build();

    /** Defaults for the plain DL4J LSTM layer. */
    public static final TrainingConfig PLAIN_DEFAULT = DEFAULT.toBuilder().method(Method.PLAIN).cell(CellType.LSTM)
            .trainDigits(16).seed(42).batchSize(128).learningRate(0.02).stateNoise(0).maxIterations(4_000)
            .evaluateEvery(50).validationPairs(100_000).build();

    /** The defaults of every digit-serial radix, which build the shipped decimal model in radix 10. */
    public static final TrainingConfig DECIMAL = new TrainingConfig(Operator.ADD, DigitSerialContract.DECIMAL,
            Method.CERTIFIABLE, CellType.RNN, Loss.BCE, 24, 0, 8, 1, 256, 0.02, 0.3, 4_000, 250, 2_000, 0, 0, 1, 0);

    /** Checks every value's range, naming the rule a value breaks. */
    public TrainingConfig {
        require(operator != null, "an operator is required", operator);
        require(radix == 2 || DigitSerialContract.isDefined(radix), "radix must be 2 (bits) or "
                + DigitSerialContract.MIN_RADIX + ".." + DigitSerialContract.MAX_RADIX, radix);
        require(method != null, "a training method is required", method);
        require(cell != null, "a cell type is required", cell);
        require(loss != null, "a loss is required", loss);
        require(TRAINABLE_CELLS.contains(cell), "training builds one of " + TRAINABLE_CELLS.stream()
                .map(CellType::metadataName).toList() + "; a " + cell.metadataName() + " comes from `adder-train import`",
                cell.metadataName());
        require(method != Method.PLAIN || (radix == 2 && cell == CellType.LSTM && loss == Loss.BCE
                && operator == Operator.ADD), "the plain method trains DL4J's LSTM layer to add bits with binary "
                + "cross-entropy only; use the certifiable method for other cells, losses, operators and radixes",
                operator.cliName() + " in radix " + radix + " by " + cell.metadataName() + " with " + loss.cliName());
        require(radix == 2 || loss == Loss.BCE, "a digit-serial model's loss is the softmax cross-entropy (bce)", loss);
        require(hiddenSize >= 1 && hiddenSize <= 256, "hidden size must be 1..256", hiddenSize);
        require(recurrentRank >= 0 && recurrentRank <= hiddenSize, "recurrent rank must be 0 (full) to the hidden size",
                recurrentRank);
        int maxDigits = radix == 2 ? ModelContract.INT_STEPS : 64;
        require(trainDigits >= 1 && trainDigits <= maxDigits, "training digits must be 1.." + maxDigits, trainDigits);
        require(batchSize >= 1 && batchSize <= 65_536, "batch size must be 1..65536", batchSize);
        require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1)", learningRate);
        require(stateNoise >= 0 && stateNoise < 1, "state noise must be in [0, 1)", stateNoise);
        require(maxIterations >= 1, "max iterations must be at least 1", maxIterations);
        require(evaluateEvery >= 1, "evaluate-every must be at least 1", evaluateEvery);
        require(validationPairs >= 1, "validation pairs must be at least 1", validationPairs);
        require(quietChains >= 0 && quietChains <= 1, "quiet chains must be a share in [0, 1]", quietChains);
        require(quietChains == 0 || radix != 2, "quiet chains are drawn for digit-serial radixes only", radix);
        require(carryHint >= 0 && carryHint <= 100, "carry hint must be in [0, 100]", carryHint);
        require(carryHint == 0 || recurrentRank == 1, "carry hint needs recurrent rank 1 (one carry unit)",
                recurrentRank);
        require(carryHint == 0 || hiddenSize >= 2, "carry hint needs 2 units or more (the carry and the start flag)",
                hiddenSize);
        require(carryGain >= 1 && carryGain <= 100, "carry gain must be in [1, 100]", carryGain);
        require(carryGain == 1 || recurrentRank > 0, "carry gain needs a recurrent rank (the carry units)",
                recurrentRank);
        require(carrySaturation >= 0 && carrySaturation <= 10, "carry saturation must be in [0, 10]", carrySaturation);
        require(carrySaturation == 0 || recurrentRank > 0, "carry saturation needs a recurrent rank (the carry units)",
                recurrentRank);
        require(method == Method.CERTIFIABLE || (recurrentRank == 0 && carryHint == 0 && carryGain == 1
                && carrySaturation == 0), "recurrent rank and the carry terms need the certifiable method", method);
    }

    /** The defaults for a model in {@code radix}: {@link #DEFAULT} for bits, {@link #DECIMAL}'s values for the others. */
    public static TrainingConfig defaults(int radix) {
        return radix == 2 ? DEFAULT : DECIMAL.toBuilder().radix(radix).build();
    }

    /** Whether the model follows the bit-serial contract (radix 2). */
    public boolean binary() {
        return radix == 2;
    }

    /**
     * Steps of a training sequence: a binary model's {@code trainDigits} low bits (its sums wrap),
     * a digit-serial model's digits and one more for the final carry.
     */
    public int trainSteps() {
        return binary() ? trainDigits : trainDigits + 1;
    }

    /** The radix's digit codec (digit-serial radixes). */
    public DigitCodec codec() {
        return DigitCodec.of(radix);
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void require(boolean valid, String rule, Object value) {
        if (!valid) {
            throw new IllegalArgumentException(rule + ", got " + value);
        }
    }

    /** Changes a configuration by name; {@link #build()} checks the result. */
    public static final class Builder {

        private Operator operator;
        private int radix;
        private Method method;
        private CellType cell;
        private Loss loss;
        private int hiddenSize;
        private int recurrentRank;
        private int trainDigits;
        private long seed;
        private int batchSize;
        private double learningRate;
        private double stateNoise;
        private int maxIterations;
        private int evaluateEvery;
        private int validationPairs;
        private double quietChains;
        private double carryHint;
        private double carryGain;
        private double carrySaturation;

        private Builder(TrainingConfig c) {
            operator = c.operator;
            radix = c.radix;
            method = c.method;
            cell = c.cell;
            loss = c.loss;
            hiddenSize = c.hiddenSize;
            recurrentRank = c.recurrentRank;
            trainDigits = c.trainDigits;
            seed = c.seed;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            stateNoise = c.stateNoise;
            maxIterations = c.maxIterations;
            evaluateEvery = c.evaluateEvery;
            validationPairs = c.validationPairs;
            quietChains = c.quietChains;
            carryHint = c.carryHint;
            carryGain = c.carryGain;
            carrySaturation = c.carrySaturation;
        }

        /** See {@link TrainingConfig#operator()}. */
        public Builder operator(Operator value) { operator = value; return this; }

        /** See {@link TrainingConfig#radix()}. */
        public Builder radix(int value) { radix = value; return this; }

        /** See {@link TrainingConfig#method()}. */
        public Builder method(Method value) { method = value; return this; }

        /** See {@link TrainingConfig#cell()}. */
        public Builder cell(CellType value) { cell = value; return this; }

        /** See {@link TrainingConfig#loss()}. */
        public Builder loss(Loss value) { loss = value; return this; }

        /** See {@link TrainingConfig#hiddenSize()}. */
        public Builder hiddenSize(int value) { hiddenSize = value; return this; }

        /** See {@link TrainingConfig#recurrentRank()}. */
        public Builder recurrentRank(int value) { recurrentRank = value; return this; }

        /** See {@link TrainingConfig#trainDigits()}. */
        public Builder trainDigits(int value) { trainDigits = value; return this; }

        /** See {@link TrainingConfig#seed()}. */
        public Builder seed(long value) { seed = value; return this; }

        /** See {@link TrainingConfig#batchSize()}. */
        public Builder batchSize(int value) { batchSize = value; return this; }

        /** See {@link TrainingConfig#learningRate()}. */
        public Builder learningRate(double value) { learningRate = value; return this; }

        /** See {@link TrainingConfig#stateNoise()}. */
        public Builder stateNoise(double value) { stateNoise = value; return this; }

        /** See {@link TrainingConfig#maxIterations()}. */
        public Builder maxIterations(int value) { maxIterations = value; return this; }

        /** See {@link TrainingConfig#evaluateEvery()}. */
        public Builder evaluateEvery(int value) { evaluateEvery = value; return this; }

        /** See {@link TrainingConfig#validationPairs()}. */
        public Builder validationPairs(int value) { validationPairs = value; return this; }

        /** See {@link TrainingConfig#quietChains()}. */
        public Builder quietChains(double value) { quietChains = value; return this; }

        /** See {@link TrainingConfig#carryHint()}. */
        public Builder carryHint(double value) { carryHint = value; return this; }

        /** See {@link TrainingConfig#carryGain()}. */
        public Builder carryGain(double value) { carryGain = value; return this; }

        /** See {@link TrainingConfig#carrySaturation()}. */
        public Builder carrySaturation(double value) { carrySaturation = value; return this; }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the first value out of its range
         */
        public TrainingConfig build() {
            return new TrainingConfig(operator, radix, method, cell, loss, hiddenSize, recurrentRank, trainDigits,
                    seed, batchSize, learningRate, stateNoise, maxIterations, evaluateEvery, validationPairs,
                    quietChains, carryHint, carryGain, carrySaturation);
        }
    }
}
