package io.neuraladder.train.digitserial;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.DigitSerialContract;

/**
 * The hyperparameters of one digit-serial training run. With the same values, a run reproduces
 * the same model.
 *
 * @param radix the number base ({@link DigitSerialContract#MIN_RADIX} to
 *     {@link DigitSerialContract#MAX_RADIX}); 10 for the decimal adder
 * @param cell the recurrent cell
 * @param hiddenSize units of the cell
 * @param recurrentRank carry units: the gates read the previous state only through its first
 *     {@code recurrentRank} units (so the recurrent matrices have that rank); 0 for full matrices
 * @param trainDigits digits per operand in a training sequence (the sequence has one more step,
 *     for the final carry)
 * @param seed seed of the weights, every generated example and the state noise
 * @param batchSize sequences per minibatch
 * @param learningRate Adam's learning rate
 * @param stateNoise standard deviation of the Gaussian noise added to the state after every step
 * @param maxIterations minibatches after which training gives up
 * @param evaluateEvery minibatches between evaluations
 * @param validationPairs fresh random pairs per evaluation, and as many carry-heavy ones
 * @param saturation weight of a penalty on unsaturated hidden units, the mean of {@code 1 - h²} over
 *     units and steps: saturated units make the step contract, which boxes of a certificate need
 *     (0: no penalty)
 * @param preactivationNoise standard deviation of Gaussian noise added to the candidate state's
 *     preactivation before its tanh, every step (0: none); units then must saturate to be reliable
 * @param recurrentDecay weight of a penalty on the squared recurrent weights (0: none): the less a
 *     step reads the previous state, the more it forgets of earlier digits, which a certificate
 *     whose regions know only the last digit pair needs
 * @param forgetting weight of a penalty on the difference between the states of two sums that
 *     agree from some step on (digits and carry) but differ before it (0: none): half of each
 *     minibatch is then such partners of the other half
 * @param carrySaturation weight of a penalty on the carry units' distance from ±1 (the mean of
 *     {@code 1 - h²} over the first {@code recurrentRank} units, those the next step reads; 0:
 *     none): when the carry reaches the next step only as a saturated value, the states of a
 *     certificate's region differ only where the next step does not look
 * @param carryGain the factor on the carry units' preactivations (1: none; see
 *     {@link io.neuraladder.train.SameDiffCell}): lets those thresholds grow their large weights sooner
 * @param intervalRadius half-width {@code ε} of the box around every state from which interval
 *     training steps (0: none; RNN only): the loss then asks, with {@code intervalWeight}, that the
 *     interval image of that box be at most {@value #CONTRACTION} of {@code ε} wide in every unit and
 *     that the output name the sum digit over all of it, which is what the carry certificate checks
 * @param intervalWeight weight of the interval terms
 * @param quietChains share of each minibatch's carry-heavy half drawn as quiet chains instead
 *     ({@link DigitSamples#quietChains}: pairs summing to {@code r - 1} with no carry into them; 0: none)
 * @param carryHint weight of two cross-entropies, on {@code (1 + h) / 2} of two units, that make a
 *     rank-1 cell a clean ripple-carry step (0: none; needs {@code recurrentRank} 1): unit 0 is told
 *     the carry out of every step and unit 1 to be on (+1) after every step, and the next step reads
 *     their sum (a start flag, see {@link io.neuraladder.train.SameDiffCell}), which is 0 in the
 *     zero initial state as after no carry. Neither unit gets state noise: they are supervised
 *     instead, and every other unit's noise reaches only the output
 */
public record DigitSerialConfig(int radix, CellType cell, int hiddenSize, int recurrentRank, int trainDigits, long seed, int batchSize,
        double learningRate, double stateNoise, int maxIterations, int evaluateEvery, int validationPairs, double saturation,
        double preactivationNoise, double recurrentDecay,
        double forgetting, double carrySaturation, double carryGain, double intervalRadius, double intervalWeight,
        double quietChains, double carryHint) {

    /** The contraction interval training asks of every step: image half-width over box half-width. */
    public static final double CONTRACTION = 0.5;

    /** The defaults that build the shipped decimal model. */
    public static final DigitSerialConfig DEFAULT =
            new DigitSerialConfig(DigitSerialContract.DECIMAL, CellType.RNN, 24, 0, 8, 1, 256, 0.02, 0.3, 4_000, 250, 2_000, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0);

    /** Checks every value's range. */
    public DigitSerialConfig {
        require(DigitSerialContract.isDefined(radix), "radix must be " + DigitSerialContract.MIN_RADIX + ".."
                + DigitSerialContract.MAX_RADIX + " (radix 2 is the bit-serial adder: use train)", radix);
        require(cell != null, "a cell type is required", cell);
        require(hiddenSize >= 1 && hiddenSize <= 256, "hidden size must be 1..256", hiddenSize);
        require(recurrentRank >= 0 && recurrentRank <= hiddenSize, "recurrent rank must be 0 (full) to the hidden size",
                recurrentRank);
        require(trainDigits >= 1 && trainDigits <= 64, "training digits must be 1..64", trainDigits);
        require(batchSize >= 1 && batchSize <= 65_536, "batch size must be 1..65536", batchSize);
        require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1)", learningRate);
        require(stateNoise >= 0 && stateNoise < 1, "state noise must be in [0, 1)", stateNoise);
        require(maxIterations >= 1, "max iterations must be at least 1", maxIterations);
        require(evaluateEvery >= 1, "evaluate-every must be at least 1", evaluateEvery);
        require(validationPairs >= 1, "validation pairs must be at least 1", validationPairs);
        require(saturation >= 0 && saturation <= 10, "saturation must be in [0, 10]", saturation);
        require(preactivationNoise >= 0 && preactivationNoise <= 10, "preactivation noise must be in [0, 10]",
                preactivationNoise);
        require(recurrentDecay >= 0 && recurrentDecay <= 10, "recurrent decay must be in [0, 10]", recurrentDecay);
        require(forgetting >= 0 && forgetting <= 100, "forgetting must be in [0, 100]", forgetting);
        require(forgetting == 0 || batchSize % 2 == 0, "forgetting needs an even batch size", batchSize);
        require(carrySaturation >= 0 && carrySaturation <= 10, "carry saturation must be in [0, 10]", carrySaturation);
        require(carrySaturation == 0 || recurrentRank > 0, "carry saturation needs a recurrent rank (the carry units)",
                recurrentRank);
        require(carryGain >= 1 && carryGain <= 100, "carry gain must be in [1, 100]", carryGain);
        require(carryGain == 1 || recurrentRank > 0, "carry gain needs a recurrent rank (the carry units)",
                recurrentRank);
        require(intervalRadius >= 0 && intervalRadius <= 1, "interval radius must be in [0, 1]", intervalRadius);
        require(intervalRadius == 0 || cell == CellType.RNN, "interval training needs the rnn cell", cell);
        require(intervalWeight >= 0 && intervalWeight <= 100, "interval weight must be in [0, 100]", intervalWeight);
        require(quietChains >= 0 && quietChains <= 1, "quiet chains must be a share in [0, 1]", quietChains);
        require(carryHint >= 0 && carryHint <= 100, "carry hint must be in [0, 100]", carryHint);
        require(carryHint == 0 || recurrentRank == 1, "carry hint needs recurrent rank 1 (one carry unit)",
                recurrentRank);
        require(carryHint == 0 || hiddenSize >= 2, "carry hint needs 2 units or more (the carry and the start flag)",
                hiddenSize);
    }

    /** The radix's digit codec. */
    public DigitCodec codec() {
        return DigitCodec.of(radix);
    }

    private static void require(boolean valid, String rule, Object value) {
        if (!valid) {
            throw new IllegalArgumentException(rule + ", got " + value);
        }
    }
}
