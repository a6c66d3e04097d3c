package io.neuraladder.train;

import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link TrainingConfig.Method#CERTIFIABLE}: an RNN, GRU or LSTM that can be certified, for any
 * operator and radix, trained with DL4J's SameDiff. The cell ({@link SameDiffCell}, its
 * remembering gate held shut) is unrolled over the training sequence and Gaussian noise is added to
 * its state after every step: the noise forces each state of the operator (carry or borrow) into a
 * region the cell maps back into itself, which is what the certificate proves. The targets come
 * from the {@link Operator}'s step.
 *
 * <p>The head follows the radix's contract. Bits: two raw input bits, one sigmoid output with
 * binary cross-entropy or squared error, applied once to every step's state stacked into one
 * {@code [steps·batch, H]} matrix (SameDiff's cost per operation, not its arithmetic, bounds a
 * minibatch of this size). Digits: both digits one-hot, a softmax over the output digit per step
 * with its cross-entropy, and, for a rank-1 cell, the carry hint's terms
 * ({@link TrainingConfig#carryHint()}).
 */
final class CertifiableLearner implements Learner {

    /** Keeps the carry hint's logarithm finite where a hinted unit is saturated the wrong way. */
    private static final double HINT_FLOOR = 1e-6;

    /** The units the carry hint supervises (and keeps free of state noise): the carry unit, then the start flag. */
    private static final int[] HINTED_UNITS = {0, SameDiffCell.START_FLAG};

    /** The binary graph's output: every step's sum-bit probability, {@code [steps·batch, 1]}. */
    private static final String PROBABILITIES = "p";

    private final TrainingConfig config;
    private final Operator operator;
    private final int radix;
    private final int hidden;
    private final int steps;
    private final int inputs;
    private final int outputs;
    private final boolean hint;
    private final UnrolledGraph graph;
    private final SameDiff sd;
    private final SameDiffCell recurrent;

    CertifiableLearner(TrainingConfig config) {
        this.config = config;
        this.operator = config.operator();
        this.radix = config.radix();
        this.hidden = config.hiddenSize();
        this.steps = config.trainSteps();
        this.inputs = config.binary() ? ModelContract.INPUT_FEATURES : DigitSerialContract.inputFeatures(radix);
        this.outputs = config.binary() ? ModelContract.OUTPUT_FEATURES : DigitSerialContract.outputFeatures(radix);
        this.hint = config.carryHint() > 0;
        this.graph = new UnrolledGraph(config.seed());
        this.sd = graph.sameDiff();
        Random random = new Random(config.seed());
        this.recurrent = new SameDiffCell(sd, config.cell(), inputs, hidden, config.recurrentRank(),
                config.carryGain(), hint, random);
        SDVariable wOut = sd.var("w_out", SameDiffCell.uniform(random, hidden, outputs, hidden));
        SDVariable bOut = sd.var("b_out", Nd4j.zeros(DataType.FLOAT, 1, outputs));
        graph.minimize(config.binary() ? bitLoss(wOut, bOut) : digitLoss(wOut, bOut), config.learningRate());
    }

    /** One step of the cell on its inputs, declared in the order {@link #inputs} feeds them. */
    private SDVariable[] step(int t, SDVariable[] state) {
        SDVariable x = graph.feature("x" + t, inputs);
        SDVariable noiseH = graph.feature("nh" + t, hidden);
        SDVariable noiseC = config.cell().hasCellState() ? graph.feature("nc" + t, hidden) : null;
        recurrent.step(x, state, noiseC);
        return new SDVariable[] {noiseH};
    }

    private SDVariable bitLoss(SDVariable wOut, SDVariable bOut) {
        SDVariable[] state = {null, null};
        SDVariable[] states = new SDVariable[steps];
        SDVariable loss = null;
        for (int t = 0; t < steps; t++) {
            SDVariable noiseH = step(t, state)[0];
            loss = carryTerms(t, state[0], loss);
            state[0] = state[0].add(noiseH);
            states[t] = state[0];
        }
        SDVariable y = graph.label("y", 1);
        SDVariable logit = sd.concat(0, states).mmul(wOut).add(bOut);
        SDVariable probability = sd.nn().sigmoid(PROBABILITIES, logit);
        SDVariable fit = switch (config.loss()) {
            case BCE -> sd.nn().softplus(logit).sub(y.mul(logit)).mean();
            case MSE -> sd.math().square(probability.sub(y)).mean();
        };
        return plus(loss, fit);
    }

    private SDVariable digitLoss(SDVariable wOut, SDVariable bOut) {
        SDVariable[] state = {null, null};
        SDVariable loss = null;
        for (int t = 0; t < steps; t++) {
            SDVariable noiseH = step(t, state)[0];
            SDVariable y = graph.label("y" + t, outputs);
            loss = carryTerms(t, state[0], loss);
            state[0] = state[0].add(noiseH);
            SDVariable logits = state[0].mmul(wOut).add(bOut);
            sd.nn().softmax(UnrolledGraph.output(t), logits);
            loss = plus(loss, y.mul(sd.nn().logSoftmax(logits)).sum(1).mean().neg());
        }
        return loss;
    }

    /**
     * The carry units' terms of step {@code t} on the state {@code h} before its noise: the
     * saturation penalty ({@link TrainingConfig#carrySaturation()}) and the carry hint's two
     * cross-entropies on {@code (1 + h) / 2}, the carry unit told the operator's state after the
     * step and the start flag told to be on; each added to {@code loss} in turn.
     */
    private SDVariable carryTerms(int t, SDVariable h, SDVariable loss) {
        if (config.carrySaturation() > 0) {
            SDVariable carry = h.mul(recurrent.carryUnits());
            loss = plus(loss, carry.mul(carry).sum(1).rsub((double) config.recurrentRank()).mean()
                    .mul(config.carrySaturation() / (steps * config.recurrentRank())));
        }
        if (hint) {
            SDVariable carryOut = graph.feature("carry" + t, 1);
            loss = plus(loss, hintLoss(h, unit(HINTED_UNITS[0], "hinted_carry"), carryOut));
            loss = plus(loss, hintLoss(h, unit(HINTED_UNITS[1], "hinted_flag"), null));
        }
        return loss;
    }

    /** {@code [1, H]}: 1 for unit {@code k}, 0 for the others, a constant made once. */
    private SDVariable unit(int k, String name) {
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        INDArray unit = Nd4j.zeros(DataType.FLOAT, 1, hidden);
        unit.putScalar(0, k, 1);
        return sd.constant(name, unit);
    }

    /**
     * The cross-entropy for the unit that {@code mask} picks from {@code h}, with
     * {@code (1 + h) / 2} the probability that it is on: it should be {@code target} ([batch, 1] of
     * ±1), or always on when {@code target} is null.
     */
    private SDVariable hintLoss(SDVariable h, SDVariable mask, SDVariable target) {
        SDVariable value = h.mul(mask).sum(true, 1);
        SDVariable agreement = (target == null ? value : value.mul(target)).add(1).mul(0.5);
        return sd.math().log(agreement.add(HINT_FLOOR)).mean().mul(-config.carryHint() / steps);
    }

    /** {@code loss + term}, or the one that is not null. */
    private static SDVariable plus(SDVariable loss, SDVariable term) {
        return loss == null ? term : term == null ? loss : loss.add(term);
    }

    @Override
    public void fit(TrainingPairs pairs) {
        graph.fit(inputs(pairs, config.stateNoise()), labels(pairs));
    }

    /**
     * The noise-free network's outputs for {@code pairs}, {@code [t][n · outputs + k]}, for the
     * training length's steps: for the parity test against ONNX Runtime.
     */
    float[][] probabilities(TrainingPairs pairs) {
        if (!config.binary()) {
            return graph.outputs(inputs(pairs, 0), steps);
        }
        float[] stacked = graph.evaluate(inputs(pairs, 0), PROBABILITIES);
        float[][] probabilities = new float[steps][];
        for (int t = 0; t < steps; t++) {
            probabilities[t] = Arrays.copyOfRange(stacked, t * pairs.size(), (t + 1) * pairs.size());
        }
        return probabilities;
    }

    /** Per step, in declaration order: the digits, the state noise (h, then c), the hint's state signs. */
    private INDArray[] inputs(TrainingPairs pairs, double sigma) {
        int count = pairs.size();
        int stateNoises = config.cell().hasCellState() ? 2 : 1;
        int perStep = 1 + stateNoises + (hint ? 1 : 0);
        int[][] expectedStates = hint ? states(pairs) : null;
        INDArray[] in = new INDArray[perStep * steps];
        for (int t = 0; t < steps; t++) {
            float[] x = new float[count * inputs];
            for (int n = 0; n < count; n++) {
                int a = pairs.digit(n, 0, t);
                int b = pairs.digit(n, 1, t);
                if (config.binary()) {
                    x[2 * n] = a;
                    x[2 * n + 1] = b;
                } else {
                    x[n * inputs + a] = 1;
                    x[n * inputs + radix + b] = 1;
                }
            }
            in[perStep * t] = Nd4j.create(x, new long[] {count, inputs}, DataType.FLOAT);
            for (int k = 1; k <= stateNoises; k++) {
                in[perStep * t + k] = graph.gaussian(sigma, count, hidden);
            }
            if (hint) {
                for (int unit : HINTED_UNITS) {
                    in[perStep * t + 1].putColumn(unit, Nd4j.zeros(DataType.FLOAT, count, 1));
                }
                float[] signs = new float[count];
                for (int n = 0; n < count; n++) {
                    signs[n] = expectedStates[n][t] == 1 ? 1 : -1;
                }
                in[perStep * t + perStep - 1] = Nd4j.create(signs, new long[] {count, 1}, DataType.FLOAT);
            }
        }
        return in;
    }

    /** The operator's state after every step of every pair, {@code [n][t]}. */
    private int[][] states(TrainingPairs pairs) {
        int[][] states = new int[pairs.size()][steps];
        for (int n = 0; n < pairs.size(); n++) {
            int state = operator.initialState();
            for (int t = 0; t < steps; t++) {
                state = operator.next(radix, state, pairs.digit(n, 0, t), pairs.digit(n, 1, t));
                states[n][t] = state;
            }
        }
        return states;
    }

    /** Bits: every step's output bit, step after step, {@code [steps·batch, 1]}; digits: one one-hot array per step. */
    private INDArray[] labels(TrainingPairs pairs) {
        int count = pairs.size();
        int[][] expected = new int[count][];
        for (int n = 0; n < count; n++) {
            expected[n] = pairs.expected(operator, radix, n);
        }
        if (config.binary()) {
            float[] y = new float[steps * count];
            for (int t = 0; t < steps; t++) {
                for (int n = 0; n < count; n++) {
                    y[t * count + n] = expected[n][t];
                }
            }
            return new INDArray[] {Nd4j.create(y, new long[] {(long) steps * count, 1}, DataType.FLOAT)};
        }
        INDArray[] out = new INDArray[steps];
        for (int t = 0; t < steps; t++) {
            float[] y = new float[count * outputs];
            for (int n = 0; n < count; n++) {
                y[n * outputs + expected[n][t]] = 1;
            }
            out[t] = Nd4j.create(y, new long[] {count, outputs}, DataType.FLOAT);
        }
        return out;
    }

    @Override
    public CellWeights weights() {
        double[][][] cell = recurrent.recurrentWeights();
        INDArray wOut = sd.getVariable("w_out").getArr();
        INDArray bOut = sd.getVariable("b_out").getArr();
        double[][] outputWeights = new double[outputs][hidden];
        double[] outputBias = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < hidden; j++) {
                outputWeights[k][j] = wOut.getFloat(j, k);
            }
            outputBias[k] = bOut.getFloat(0, k);
        }
        return new CellWeights(config.cell(), hidden, cell[0], cell[1], cell[2][0], outputWeights, outputBias);
    }
}
