package io.neuraladder.train;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.sampling.IntPairs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * {@link TrainingConfig.Method#CERTIFIABLE}: an LSTM adder that can be certified, trained with
 * DL4J's SameDiff. The LSTM cell is unrolled over the training sequence, its forget gate held shut (bias {@value #SHUT_FORGET_BIAS}, no weights),
 * and Gaussian noise added to {@code h} and {@code c} after every step. The noise forces each carry
 * state into a region the cell maps back into itself, which is what the carry certificate proves.
 */
final class CertifiableLearner implements Learner {

    /** The forget gate's fixed bias: sigmoid(-10) = 4.5e-5, so the cell forgets its past c. */
    public static final double SHUT_FORGET_BIAS = -10;

    private static final String[] GATES = {"i", "o", "g"};

    private final int hidden;
    private final int steps;
    private final double noise;
    private final Random noiseSource;
    private final SameDiff sd = SameDiff.create();
    private final List<String> features = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    CertifiableLearner(TrainingConfig config) {
        this.hidden = config.hiddenSize();
        this.steps = config.trainSteps();
        this.noise = config.stateNoise();
        this.noiseSource = new Random(config.seed() ^ 0x9E37_79B9_7F4A_7C15L);
        build(config.learningRate(), new Random(config.seed()));
    }

    private void build(double learningRate, Random random) {
        for (String gate : GATES) {
            sd.var("W_" + gate, uniform(random, 2, hidden, 2));
            sd.var("R_" + gate, uniform(random, hidden, hidden, hidden));
            sd.var("b_" + gate, Nd4j.zeros(DataType.FLOAT, 1, hidden));
        }
        sd.var("w_out", uniform(random, hidden, 1, hidden));
        sd.var("b_out", Nd4j.zeros(DataType.FLOAT, 1, 1));
        double forget = 1 / (1 + Math.exp(-SHUT_FORGET_BIAS));

        SDVariable h = null;
        SDVariable c = null;
        SDVariable loss = null;
        for (int t = 0; t < steps; t++) {
            SDVariable x = placeholder("x" + t, 2, features);
            SDVariable noiseH = placeholder("nh" + t, hidden, features);
            SDVariable noiseC = placeholder("nc" + t, hidden, features);
            SDVariable y = placeholder("y" + t, 1, labels);
            SDVariable i = sd.nn().sigmoid(gate("i", x, h));
            SDVariable o = sd.nn().sigmoid(gate("o", x, h));
            SDVariable g = sd.math().tanh(gate("g", x, h));
            SDVariable input = i.mul(g);
            c = (c == null ? input : c.mul(forget).add(input)).add(noiseC);
            h = o.mul(sd.math().tanh(c)).add(noiseH);
            SDVariable logit = h.mmul(sd.getVariable("w_out")).add(sd.getVariable("b_out"));
            sd.nn().sigmoid("p" + t, logit);
            SDVariable stepLoss = sd.nn().softplus(logit).sub(y.mul(logit)).mean();
            loss = loss == null ? stepLoss : loss.add(stepLoss);
        }
        sd.setLossVariables(loss.rename("loss"));
        sd.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping(features)
                .dataSetLabelMapping(labels)
                .build());
    }

    private SDVariable placeholder(String name, int width, List<String> mapping) {
        mapping.add(name);
        return sd.placeHolder(name, DataType.FLOAT, -1, width);
    }

    private SDVariable gate(String gate, SDVariable x, SDVariable h) {
        SDVariable z = x.mmul(sd.getVariable("W_" + gate)).add(sd.getVariable("b_" + gate));
        return h == null ? z : z.add(h.mmul(sd.getVariable("R_" + gate)));
    }

    @Override
    public void fit(IntPairs pairs) {
        sd.fit(new MultiDataSet(inputs(pairs, noise), labels(pairs)));
    }

    /**
     * The sum-bit probabilities of the noise-free network for {@code pairs}, {@code [t][n]}, for the
     * training length's steps: for the parity test against ONNX Runtime.
     */
    float[][] probabilities(IntPairs pairs) {
        INDArray[] in = inputs(pairs, 0);
        Map<String, INDArray> placeholders = new HashMap<>();
        for (int k = 0; k < in.length; k++) {
            placeholders.put(features.get(k), in[k]);
        }
        String[] outputs = new String[steps];
        for (int t = 0; t < steps; t++) {
            outputs[t] = "p" + t;
        }
        Map<String, INDArray> result = sd.output(placeholders, outputs);
        float[][] probabilities = new float[steps][];
        for (int t = 0; t < steps; t++) {
            probabilities[t] = result.get("p" + t).dup('c').data().asFloat();
        }
        return probabilities;
    }

    private INDArray[] inputs(IntPairs pairs, double sigma) {
        int count = pairs.size();
        INDArray[] in = new INDArray[3 * steps];
        for (int t = 0; t < steps; t++) {
            float[] x = new float[count * 2];
            for (int n = 0; n < count; n++) {
                x[2 * n] = BitCodec.bit(pairs.a()[n], t);
                x[2 * n + 1] = BitCodec.bit(pairs.b()[n], t);
            }
            in[3 * t] = Nd4j.create(x, new long[] {count, 2}, DataType.FLOAT);
            in[3 * t + 1] = gaussian(sigma, count, hidden);
            in[3 * t + 2] = gaussian(sigma, count, hidden);
        }
        return in;
    }

    private INDArray[] labels(IntPairs pairs) {
        int count = pairs.size();
        INDArray[] out = new INDArray[steps];
        for (int t = 0; t < steps; t++) {
            float[] y = new float[count];
            for (int n = 0; n < count; n++) {
                y[n] = BitCodec.bit(pairs.a()[n] + pairs.b()[n], t);
            }
            out[t] = Nd4j.create(y, new long[] {count, 1}, DataType.FLOAT);
        }
        return out;
    }

    @Override
    public LstmWeights weights() {
        double[][] w = new double[4 * hidden][2];
        double[][] r = new double[4 * hidden][hidden];
        double[] bias = new double[4 * hidden];
        int[] onnxGate = {LstmWeights.INPUT_GATE, LstmWeights.OUTPUT_GATE, LstmWeights.CELL_GATE};
        for (int k = 0; k < GATES.length; k++) {
            INDArray wg = sd.getVariable("W_" + GATES[k]).getArr();
            INDArray rg = sd.getVariable("R_" + GATES[k]).getArr();
            INDArray bg = sd.getVariable("b_" + GATES[k]).getArr();
            for (int unit = 0; unit < hidden; unit++) {
                int row = onnxGate[k] * hidden + unit;
                w[row][0] = wg.getFloat(0, unit);
                w[row][1] = wg.getFloat(1, unit);
                for (int j = 0; j < hidden; j++) {
                    r[row][j] = rg.getFloat(j, unit);
                }
                bias[row] = bg.getFloat(0, unit);
            }
        }
        for (int unit = 0; unit < hidden; unit++) {
            bias[LstmWeights.FORGET_GATE * hidden + unit] = SHUT_FORGET_BIAS;
        }
        INDArray wOut = sd.getVariable("w_out").getArr();
        double[] outputWeights = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            outputWeights[j] = wOut.getFloat(j, 0);
        }
        return new LstmWeights(hidden, w, r, bias, outputWeights, sd.getVariable("b_out").getArr().getFloat(0, 0));
    }

    private static INDArray uniform(Random random, int rows, int columns, int fanIn) {
        float[] values = new float[rows * columns];
        double limit = Math.sqrt(6.0 / (fanIn + columns));
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT);
    }

    private INDArray gaussian(double sigma, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int k = 0; sigma > 0 && k < values.length; k++) {
            values[k] = (float) (noiseSource.nextGaussian() * sigma);
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT);
    }
}
