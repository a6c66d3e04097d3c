package io.neuraladder.train;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The DL4J network that learns to add: an {@code LSTM} layer (no peepholes, tanh) over the bit
 * pairs, then a per-step {@code RnnOutputLayer} with one sigmoid unit trained with binary
 * cross-entropy. Layer 0 is the LSTM, layer 1 the output layer.
 */
public final class AdderNetwork {

    static final int LSTM_LAYER = 0;
    static final int OUTPUT_LAYER = 1;

    private AdderNetwork() {}

    /** A freshly initialised network for {@code config}. */
    public static MultiLayerNetwork create(TrainingConfig config) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(config.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LSTM.Builder()
                        .nIn(ModelContract.INPUT_FEATURES)
                        .nOut(config.hiddenSize())
                        .activation(Activation.TANH)
                        .gateActivationFunction(Activation.SIGMOID)
                        .build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(config.hiddenSize())
                        .nOut(ModelContract.OUTPUT_FEATURES)
                        .activation(Activation.SIGMOID)
                        .build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /** The trained parameters in DL4J's own layout, for export. */
    public static Parameters parameters(MultiLayerNetwork network) {
        return new Parameters(
                network.getLayer(LSTM_LAYER).getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY),
                network.getLayer(LSTM_LAYER).getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY),
                network.getLayer(LSTM_LAYER).getParam(LSTMParamInitializer.BIAS_KEY),
                network.getLayer(OUTPUT_LAYER).getParam(DefaultParamInitializer.WEIGHT_KEY),
                network.getLayer(OUTPUT_LAYER).getParam(DefaultParamInitializer.BIAS_KEY));
    }

    /**
     * A network holding {@code weights} (in ONNX's layout), whatever method trained them: DL4J's
     * own inference of the same model, for comparisons.
     */
    public static MultiLayerNetwork of(CellWeights weights) {
        int hidden = weights.hidden();
        MultiLayerNetwork network = create(TrainingConfig.PLAIN_DEFAULT.toBuilder().hiddenSize(hidden).build());
        INDArray w = network.getLayer(LSTM_LAYER).getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray r = network.getLayer(LSTM_LAYER).getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray b = network.getLayer(LSTM_LAYER).getParam(LSTMParamInitializer.BIAS_KEY);
        for (int gate = 0; gate < 4; gate++) {
            for (int unit = 0; unit < hidden; unit++) {
                int row = weights.row(gate, unit);
                long column = (long) dl4jBlock(gate) * hidden + unit;
                for (int k = 0; k < ModelContract.INPUT_FEATURES; k++) {
                    w.putScalar(k, column, weights.inputWeights()[row][k]);
                }
                for (int k = 0; k < hidden; k++) {
                    r.putScalar(k, column, weights.recurrentWeights()[row][k]);
                }
                b.putScalar(column, weights.bias()[row]);
            }
        }
        INDArray outW = network.getLayer(OUTPUT_LAYER).getParam(DefaultParamInitializer.WEIGHT_KEY);
        for (int j = 0; j < hidden; j++) {
            outW.putScalar(j, 0, weights.outputWeights()[0][j]);
        }
        network.getLayer(OUTPUT_LAYER).getParam(DefaultParamInitializer.BIAS_KEY).assign(weights.outputBias()[0]);
        return network;
    }

    /** ONNX gate block {@code g}'s position in DL4J's order (cell candidate, forget, output, input). */
    private static final int[] DL4J_BLOCK_OF_ONNX_GATE = {3, 2, 1, 0};

    /**
     * Weights from DL4J's layout: {@code W [nIn, 4H]}, {@code RW [H, 4H]}, {@code b [4H]}, gate
     * blocks ordered (cell candidate, forget, output, input).
     */
    public static CellWeights weights(Parameters p) {
        int hidden = p.hiddenSize();
        int inputs = ModelContract.INPUT_FEATURES;
        float[] bias = p.lstmBias().ravel().toFloatVector();
        double[][] inputWeights = new double[4 * hidden][inputs];
        double[][] recurrentWeights = new double[4 * hidden][hidden];
        double[] onnxBias = new double[4 * hidden];
        for (int gate = 0; gate < 4; gate++) {
            for (int unit = 0; unit < hidden; unit++) {
                int row = gate * hidden + unit;
                int column = dl4jBlock(gate) * hidden + unit;
                for (int k = 0; k < inputs; k++) {
                    inputWeights[row][k] = p.inputWeights().getFloat(k, column);
                }
                for (int k = 0; k < hidden; k++) {
                    recurrentWeights[row][k] = p.recurrentWeights().getFloat(k, column);
                }
                onnxBias[row] = bias[column];
            }
        }
        float[] outW = p.outputWeights().ravel().toFloatVector();
        double[] outputWeights = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            outputWeights[j] = outW[j];
        }
        return new CellWeights(CellType.LSTM, hidden, inputWeights, recurrentWeights, onnxBias, outputWeights,
                p.outputBias().ravel().getFloat(0));
    }

    /** The DL4J gate block (cell candidate, forget, output, input) holding ONNX gate block {@code gate}. */
    static int dl4jBlock(int gate) {
        return DL4J_BLOCK_OF_ONNX_GATE[gate];
    }

    /** The network's weights in ONNX's layout, as an exported file holds them. */
    public static CellWeights weights(MultiLayerNetwork network) {
        return weights(parameters(network));
    }

    /**
     * DL4J's parameter arrays. The LSTM's gate blocks, each {@code H} columns wide, are in DL4J's
     * order: cell candidate, forget, output, input.
     *
     * @param inputWeights {@code W}, {@code [nIn, 4H]}
     * @param recurrentWeights {@code RW}, {@code [H, 4H]}
     * @param lstmBias {@code b}, {@code [4H]} (DL4J 1.0.0-M2.1 returns it as a vector)
     * @param outputWeights the output layer's {@code W}, {@code [H, 1]}
     * @param outputBias the output layer's {@code b}, one value
     */
    public record Parameters(INDArray inputWeights, INDArray recurrentWeights, INDArray lstmBias,
            INDArray outputWeights, INDArray outputBias) {

        /** The hidden size {@code H}. */
        public int hiddenSize() {
            return (int) recurrentWeights.size(0);
        }
    }
}
