package io.neuraladder.train.digitserial;

import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.SameDiffCell;
import io.neuraladder.train.UnrolledGraph;
import java.util.Random;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A digit-serial adder in radix {@code r} trained with DL4J's SameDiff: the cell
 * ({@link SameDiffCell}) reads both operands' one-hot digits each step, least significant first,
 * and a dense layer with a softmax over {@code r} names the sum digit; softmax cross-entropy per
 * step, Gaussian noise on the state after every step (as for the binary adders, so that the carry
 * certificate can close), and the optional terms of {@link DigitSerialConfig}.
 */
final class DigitSerialLearner {

    /** Keeps the carry hint's logarithm finite where a hinted unit is saturated the wrong way. */
    private static final double HINT_FLOOR = 1e-6;

    /** The units the carry hint supervises (and keeps free of state noise): the carry unit, then the start flag. */
    private static final int[] HINTED_UNITS = {0, SameDiffCell.START_FLAG};

    private final DigitSerialConfig config;
    private final int steps;
    private final UnrolledGraph graph;
    private final SameDiff sd;
    private final SameDiffCell recurrent;
    private final DigitCodec codec;
    private final int inputs;
    private final int outputs;
    private final SplittableRandom partners;

    DigitSerialLearner(DigitSerialConfig config) {
        this.config = config;
        this.steps = config.trainDigits() + 1;
        this.codec = config.codec();
        this.inputs = DigitSerialContract.inputFeatures(config.radix());
        this.outputs = DigitSerialContract.outputFeatures(config.radix());
        this.partners = new SplittableRandom(config.seed() ^ 0x5EED_F0E7L);
        this.graph = new UnrolledGraph(config.seed());
        this.sd = graph.sameDiff();
        Random random = new Random(config.seed());
        this.recurrent = new SameDiffCell(sd, config.cell(), inputs, config.hiddenSize(),
                config.recurrentRank(), config.carryGain(), config.carryHint() > 0, random);
        build(random);
    }

    private void build(Random random) {
        int hidden = config.hiddenSize();
        sd.var("w_out", SameDiffCell.uniform(random, hidden, outputs, hidden));
        sd.var("b_out", Nd4j.zeros(DataType.FLOAT, 1, outputs));
        SDVariable[] state = {null, null};
        SDVariable loss = null;
        SDVariable pairing = config.forgetting() > 0 ? sd.constant("pairing", pairing(config.batchSize() / 2)) : null;
        SDVariable carryUnits = config.carrySaturation() > 0 ? recurrent.carryUnits() : null;
        SDVariable carryUnit = config.carryHint() > 0 ? sd.constant("hinted_carry", unit(hidden, HINTED_UNITS[0]))
                : null;
        SDVariable startFlag = config.carryHint() > 0 ? sd.constant("hinted_flag", unit(hidden, HINTED_UNITS[1]))
                : null;
        for (int t = 0; t < steps; t++) {
            SDVariable x = graph.feature("x" + t, inputs);
            SDVariable noiseH = graph.feature("nh" + t, hidden);
            SDVariable noiseC = config.cell().hasCellState() ? graph.feature("nc" + t, hidden) : null;
            SDVariable noisePre = config.preactivationNoise() > 0 ? graph.feature("np" + t, hidden) : null;
            SDVariable y = graph.label("y" + t, outputs);
            SDVariable agree = pairing != null ? graph.feature("agree" + t, 1) : null;
            SDVariable carryOut = carryUnit != null ? graph.feature("carry" + t, 1) : null;
            SDVariable previous = state[0];
            recurrent.step(x, state, noiseC, noisePre);
            if (previous != null && config.intervalRadius() > 0) {
                SDVariable unproved = intervalLoss(x, previous, y).mul(config.intervalWeight() / steps);
                loss = plus(loss, unproved);
            }
            if (pairing != null) {
                SDVariable difference = pairing.mmul(state[0]).mul(agree);
                SDVariable remembered = difference.mul(difference).sum(1).mean().mul(config.forgetting() / steps);
                loss = plus(loss, remembered);
            }
            if (config.carrySaturation() > 0) {
                SDVariable carry = state[0].mul(carryUnits);
                SDVariable unsaturated = carry.mul(carry).sum(1).rsub((double) config.recurrentRank()).mean()
                        .mul(config.carrySaturation() / (steps * config.recurrentRank()));
                loss = plus(loss, unsaturated);
            }
            if (carryUnit != null) {
                loss = plus(loss, hintLoss(state[0], carryUnit, carryOut));
                loss = plus(loss, hintLoss(state[0], startFlag, null));
            }
            if (config.saturation() > 0) {
                SDVariable unsaturated = state[0].mul(state[0]).rsub(1.0).mean().mul(config.saturation() / steps);
                loss = plus(loss, unsaturated);
            }
            state[0] = state[0].add(noiseH);
            SDVariable logits = state[0].mmul(sd.getVariable("w_out")).add(sd.getVariable("b_out"));
            sd.nn().softmax(UnrolledGraph.output(t), logits);
            SDVariable stepLoss = y.mul(sd.nn().logSoftmax(logits)).sum(1).mean().neg();
            loss = plus(loss, stepLoss);
        }
        if (config.recurrentDecay() > 0) {
            for (SDVariable weights : recurrent.recurrentVariables()) {
                loss = loss.add(weights.mul(weights).sum().mul(config.recurrentDecay()));
            }
        }
        graph.minimize(loss, config.learningRate());
    }

    /** {@code [1, H]}: 1 for unit {@code k}, 0 for the others. */
    private static INDArray unit(int hidden, int k) {
        INDArray unit = Nd4j.zeros(DataType.FLOAT, 1, hidden);
        unit.putScalar(0, k, 1);
        return unit;
    }

    /**
     * The carry hint's cross-entropy for the unit that {@code mask} picks from {@code h}, with
     * {@code (1 + h) / 2} the probability that it is on: it should be {@code target} ([batch, 1]
     * of ±1), or always on when {@code target} is null.
     */
    private SDVariable hintLoss(SDVariable h, SDVariable mask, SDVariable target) {
        SDVariable value = h.mul(mask).sum(true, 1);
        SDVariable agreement = (target == null ? value : value.mul(target)).add(1).mul(0.5);
        return sd.math().log(agreement.add(HINT_FLOOR)).mean().mul(-config.carryHint() / steps);
    }

    /** {@code loss + term}, or {@code term} alone for the first term of the loss. */
    private static SDVariable plus(SDVariable loss, SDVariable term) {
        return loss == null ? term : loss.add(term);
    }

    /**
     * Interval training's terms for one step from {@code previous}: how far the image of the box of
     * half-width {@code ε} around it is wider than {@link DigitSerialConfig#CONTRACTION} {@code ε}
     * (mean over units and sums), plus the cross-entropy of the worst logits over that image (the
     * sum digit's lowest, every other digit's highest).
     */
    private SDVariable intervalLoss(SDVariable x, SDVariable previous, SDVariable y) {
        double radius = config.intervalRadius();
        SDVariable[] image = recurrent.stepBox(x, previous, radius);
        SDVariable escape = sd.nn().relu(image[1].sub(DigitSerialConfig.CONTRACTION * radius), 0).div(radius).mean();
        SDVariable wOut = sd.getVariable("w_out");
        SDVariable centre = image[0].mmul(wOut).add(sd.getVariable("b_out"));
        SDVariable reach = image[1].mmul(sd.math().abs(wOut));
        SDVariable worst = centre.add(reach.mul(y.mul(-2).add(1)));
        SDVariable worstLoss = y.mul(sd.nn().logSoftmax(worst)).sum(1).mean().neg();
        return escape.add(worstLoss);
    }

    /**
     * One optimizer step on these pairs of {@link DigitSerialConfig#trainDigits()}-digit operands;
     * with {@link DigitSerialConfig#forgetting()}, on every other one and a partner of each.
     */
    void fit(String[][] pairs) {
        String[][] batch = config.forgetting() > 0 ? withPartners(pairs) : pairs;
        graph.fit(inputs(batch, config.stateNoise()), labels(batch));
    }

    /** {@code [n, 2n]}: the difference of row {@code i} and row {@code n + i} of a state. */
    private static INDArray pairing(int n) {
        INDArray pairing = Nd4j.zeros(DataType.FLOAT, n, 2L * n);
        for (int i = 0; i < n; i++) {
            pairing.putScalar(i, i, 1);
            pairing.putScalar(i, n + i, -1);
        }
        return pairing;
    }

    /** Every other pair of {@code pairs}, then each of those with its digits below a random step drawn afresh. */
    private String[][] withPartners(String[][] pairs) {
        int n = pairs.length / 2;
        String[][] batch = new String[2 * n][];
        for (int i = 0; i < n; i++) {
            batch[i] = pairs[2 * i];
            int from = 1 + partners.nextInt(config.trainDigits());
            batch[n + i] = new String[] {redraw(batch[i][0], from), redraw(batch[i][1], from)};
        }
        return batch;
    }

    private String redraw(String number, int below) {
        char[] digits = number.toCharArray();
        for (int t = 0; t < below && t < digits.length; t++) {
            digits[digits.length - 1 - t] = Character.forDigit(partners.nextInt(codec.radix()), codec.radix());
        }
        return new String(digits);
    }

    /** The noise-free network's softmax outputs, {@code [t][n * r + digit]}: for the parity test. */
    float[][] probabilities(String[][] pairs) {
        return graph.outputs(inputs(pairs, 0), steps);
    }

    /** The current weights in ONNX's layout, as an exported file holds them. */
    CellWeights weights() {
        int hidden = config.hiddenSize();
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

    private INDArray[] inputs(String[][] pairs, double sigma) {
        int count = pairs.length;
        boolean forgetting = config.forgetting() > 0;
        boolean hint = config.carryHint() > 0;
        int perStep = (config.cell().hasCellState() ? 3 : 2) + (config.preactivationNoise() > 0 ? 1 : 0)
                + (forgetting ? 1 : 0) + (hint ? 1 : 0);
        INDArray[] in = new INDArray[perStep * steps];
        int[][] carries = forgetting || hint ? carriesIn(pairs) : null;
        for (int t = 0; t < steps; t++) {
            float[] x = new float[count * inputs];
            for (int n = 0; n < count; n++) {
                int row = n * inputs;
                x[row + codec.digit(pairs[n][0], t)] = 1;
                x[row + codec.radix() + codec.digit(pairs[n][1], t)] = 1;
            }
            in[perStep * t] = Nd4j.create(x, new long[] {count, inputs}, DataType.FLOAT);
            int stateNoises = config.cell().hasCellState() ? 2 : 1;
            for (int k = 1; k <= stateNoises; k++) {
                in[perStep * t + k] = graph.gaussian(sigma, count, config.hiddenSize());
            }
            for (int k = 0; hint && k < HINTED_UNITS.length; k++) {
                in[perStep * t + 1].putColumn(HINTED_UNITS[k], Nd4j.zeros(DataType.FLOAT, count, 1));
            }
            if (config.preactivationNoise() > 0) {
                double preSigma = sigma > 0 ? config.preactivationNoise() : 0;
                in[perStep * t + stateNoises + 1] = graph.gaussian(preSigma, count, config.hiddenSize());
            }
            if (forgetting) {
                in[perStep * t + perStep - (hint ? 2 : 1)] = agreement(pairs, carries, t);
            }
            if (hint) {
                in[perStep * t + perStep - 1] = carrySigns(pairs, carries, t);
            }
        }
        return in;
    }

    /** {@code [n, 1]}: +1 where step {@code t} of the pair carries out, −1 where it does not. */
    private INDArray carrySigns(String[][] pairs, int[][] carries, int t) {
        float[] signs = new float[pairs.length];
        for (int n = 0; n < pairs.length; n++) {
            int total = codec.digit(pairs[n][0], t) + codec.digit(pairs[n][1], t) + carries[n][t];
            signs[n] = total >= codec.radix() ? 1 : -1;
        }
        return Nd4j.create(signs, new long[] {signs.length, 1}, DataType.FLOAT);
    }

    /** The carry into every step of every pair, {@code [n][t]}. */
    private int[][] carriesIn(String[][] pairs) {
        int[][] carries = new int[pairs.length][steps];
        for (int n = 0; n < pairs.length; n++) {
            for (int t = 1; t < steps; t++) {
                int total = codec.digit(pairs[n][0], t - 1) + codec.digit(pairs[n][1], t - 1) + carries[n][t - 1];
                carries[n][t] = total >= codec.radix() ? 1 : 0;
            }
        }
        return carries;
    }

    /**
     * {@code [n, 1]} for a batch whose second half partners its first ({@link #withPartners}): 1
     * where sum {@code i} and its partner read the same digits at step {@code t} with the same
     * carry in, so that a step which forgets the digits before gives them the same state; zeros
     * for any other batch.
     */
    private INDArray agreement(String[][] pairs, int[][] carries, int t) {
        int n = pairs.length / 2;
        float[] agree = new float[Math.max(n, 1)];
        for (int i = 0; i < n && pairs.length == config.batchSize(); i++) {
            boolean sameDigits = codec.digit(pairs[i][0], t) == codec.digit(pairs[n + i][0], t)
                    && codec.digit(pairs[i][1], t) == codec.digit(pairs[n + i][1], t);
            agree[i] = sameDigits && carries[i][t] == carries[n + i][t] ? 1 : 0;
        }
        return Nd4j.create(agree, new long[] {agree.length, 1}, DataType.FLOAT);
    }

    private INDArray[] labels(String[][] pairs) {
        int count = pairs.length;
        INDArray[] out = new INDArray[steps];
        for (int t = 0; t < steps; t++) {
            float[] y = new float[count * outputs];
            for (int n = 0; n < count; n++) {
                y[n * outputs + sumDigit(codec, pairs[n], t)] = 1;
            }
            out[t] = Nd4j.create(y, new long[] {count, outputs}, DataType.FLOAT);
        }
        return out;
    }

    /** Digit {@code t} of the pair's sum, counted from the right. */
    static int sumDigit(DigitCodec codec, String[] pair, int t) {
        int carry = 0;
        int digit = 0;
        for (int s = 0; s <= t; s++) {
            int total = codec.digit(pair[0], s) + codec.digit(pair[1], s) + carry;
            digit = total % codec.radix();
            carry = total / codec.radix();
        }
        return digit;
    }
}
