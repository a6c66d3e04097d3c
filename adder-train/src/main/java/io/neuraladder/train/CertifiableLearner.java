package io.neuraladder.train;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.IntPairs;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link TrainingConfig.Method#CERTIFIABLE}: an RNN, GRU or LSTM adder that can be certified,
 * trained with DL4J's SameDiff. The cell ({@link SameDiffCell}, its remembering gate held shut) is
 * unrolled over the training sequence and Gaussian noise is added to its state after every step.
 * The noise forces each carry state into a region the cell maps back into itself, which is what
 * the carry certificate proves. DL4J's {@code MultiLayerNetwork} has no GRU layer, and building all
 * three cells the same way keeps the comparison fair.
 */
final class CertifiableLearner implements Learner {

    /** The fixed bias of the gate held shut: see {@link SameDiffCell}. */
    public static final double SHUT_GATE_BIAS = SameDiffCell.SHUT_GATE_BIAS;

    /** The graph's output: every step's sum-bit probability, {@code [steps·batch, 1]}. */
    private static final String PROBABILITIES = "p";

    private final CellType cell;
    private final TrainingConfig.Loss lossFunction;
    private final int hidden;
    private final int steps;
    private final double noise;
    private final UnrolledGraph graph;
    private final SameDiff sd;
    private final SameDiffCell recurrent;

    CertifiableLearner(TrainingConfig config) {
        this.cell = config.cell();
        this.lossFunction = config.loss();
        this.hidden = config.hiddenSize();
        this.steps = config.trainSteps();
        this.noise = config.stateNoise();
        this.graph = new UnrolledGraph(config.seed());
        this.sd = graph.sameDiff();
        Random random = new Random(config.seed());
        this.recurrent = new SameDiffCell(sd, cell, ModelContract.INPUT_FEATURES, hidden, random);
        build(config.learningRate(), random);
    }

    /**
     * Unrolls the cell. The output layer and the loss are applied once, to every step's state
     * stacked into one {@code [steps·batch, H]} matrix: SameDiff's cost per operation, not its
     * arithmetic, bounds a minibatch of this size, and per-step heads tripled the operations.
     */
    private void build(double learningRate, Random random) {
        SDVariable outputWeights = sd.var("w_out", SameDiffCell.uniform(random, hidden, 1, hidden));
        SDVariable outputBias = sd.var("b_out", Nd4j.zeros(DataType.FLOAT, 1, 1));

        SDVariable[] state = {null, null};
        SDVariable[] states = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            SDVariable x = graph.feature("x" + t, 2);
            SDVariable noiseH = graph.feature("nh" + t, hidden);
            SDVariable noiseC = cell.hasCellState() ? graph.feature("nc" + t, hidden) : null;
            recurrent.step(x, state, noiseC);
            state[0] = state[0].add(noiseH);
            states[t] = state[0];
        }
        SDVariable y = graph.label("y", 1);
        SDVariable logit = sd.concat(0, states).mmul(outputWeights).add(outputBias);
        SDVariable probability = sd.nn().sigmoid(PROBABILITIES, logit);
        SDVariable loss = switch (lossFunction) {
            case BCE -> sd.nn().softplus(logit).sub(y.mul(logit)).mean();
            case MSE -> sd.math().square(probability.sub(y)).mean();
        };
        graph.minimize(loss, learningRate);
    }

    @Override
    public void fit(IntPairs pairs) {
        graph.fit(inputs(pairs, noise), labels(pairs));
    }

    /**
     * The sum-bit probabilities of the noise-free network for {@code pairs}, {@code [t][n]}, for the
     * training length's steps: for the parity test against ONNX Runtime.
     */
    float[][] probabilities(IntPairs pairs) {
        float[] stacked = graph.evaluate(inputs(pairs, 0), PROBABILITIES);
        float[][] probabilities = new float[steps][];
        for (int t = 0; t < steps; t++) {
            probabilities[t] = Arrays.copyOfRange(stacked, t * pairs.size(), (t + 1) * pairs.size());
        }
        return probabilities;
    }

    private INDArray[] inputs(IntPairs pairs, double sigma) {
        int count = pairs.size();
        int perStep = cell.hasCellState() ? 3 : 2;
        INDArray[] in = new INDArray[perStep * steps];
        for (int t = 0; t < steps; t++) {
            float[] x = new float[count * 2];
            for (int n = 0; n < count; n++) {
                x[2 * n] = BitCodec.bit(pairs.a()[n], t);
                x[2 * n + 1] = BitCodec.bit(pairs.b()[n], t);
            }
            in[perStep * t] = Nd4j.create(x, new long[] {count, 2}, DataType.FLOAT);
            for (int k = 1; k < perStep; k++) {
                in[perStep * t + k] = graph.gaussian(sigma, count, hidden);
            }
        }
        return in;
    }

    /** Every step's sum bits, step after step: {@code [steps·batch, 1]}, as the stacked states. */
    private INDArray[] labels(IntPairs pairs) {
        int count = pairs.size();
        float[] y = new float[steps * count];
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < count; n++) {
                y[t * count + n] = BitCodec.bit(pairs.a()[n] + pairs.b()[n], t);
            }
        }
        return new INDArray[] {Nd4j.create(y, new long[] {(long) steps * count, 1}, DataType.FLOAT)};
    }

    @Override
    public CellWeights weights() {
        double[][][] cellWeights = recurrent.recurrentWeights();
        INDArray wOut = sd.getVariable("w_out").getArr();
        double[] outputWeights = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            outputWeights[j] = wOut.getFloat(j, 0);
        }
        return new CellWeights(cell, hidden, cellWeights[0], cellWeights[1], cellWeights[2][0], outputWeights,
                sd.getVariable("b_out").getArr().getFloat(0, 0));
    }
}
