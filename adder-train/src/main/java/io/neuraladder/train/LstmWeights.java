package io.neuraladder.train;

import io.neuraladder.contract.ModelContract;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * The weights of an LSTM adder in ONNX's layout, gate blocks in ONNX's order (input, output,
 * forget, cell), with the input and recurrent biases added together: what the exporter writes,
 * the certifier proves and {@code certify} reads back from a file.
 *
 * @param hidden the hidden size {@code H}
 * @param inputWeights {@code [4H][2]}
 * @param recurrentWeights {@code [4H][H]}
 * @param bias {@code [4H]}: {@code Wb + Rb}
 * @param outputWeights {@code [H]}: the dense layer after the LSTM
 * @param outputBias the dense layer's bias
 */
public record LstmWeights(int hidden, double[][] inputWeights, double[][] recurrentWeights, double[] bias,
        double[] outputWeights, double outputBias) {

    /** Gate block indices in ONNX's order. */
    public static final int INPUT_GATE = 0;
    public static final int OUTPUT_GATE = 1;
    public static final int FORGET_GATE = 2;
    public static final int CELL_GATE = 3;

    /** For each ONNX gate block (i, o, f, c), the DL4J block (c, f, o, i) that holds it. */
    private static final int[] DL4J_BLOCK_OF_ONNX_GATE = {3, 2, 1, 0};

    /** Reads the weights from an ONNX model file that follows the model contract. */
    public static LstmWeights read(Path onnxFile) throws IOException {
        return fromModel(ModelProto.parseFrom(Files.readAllBytes(onnxFile)), onnxFile.toString());
    }

    /** Reads the weights from a parsed ONNX model; {@code source} names it in messages. */
    public static LstmWeights fromModel(ModelProto model, String source) {
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        NodeProto lstm = node(graph, "LSTM", source);
        NodeProto matMul = node(graph, "MatMul", source);
        NodeProto add = node(graph, "Add", source);
        float[] w = floats(initializers, lstm.getInput(1), source);
        float[] r = floats(initializers, lstm.getInput(2), source);
        float[] b = floats(initializers, lstm.getInput(3), source);
        float[] outW = floats(initializers, matMul.getInput(1), source);
        float[] outB = floats(initializers, add.getInput(1), source);
        int hidden = outW.length;
        int inputs = ModelContract.INPUT_FEATURES;
        if (w.length != 4 * hidden * inputs || r.length != 4 * hidden * hidden || b.length != 8 * hidden
                || outB.length != 1) {
            throw new IllegalArgumentException(source + ": LSTM weight sizes do not match hidden size " + hidden);
        }
        double[][] inputWeights = new double[4 * hidden][inputs];
        double[][] recurrentWeights = new double[4 * hidden][hidden];
        double[] bias = new double[4 * hidden];
        for (int row = 0; row < 4 * hidden; row++) {
            for (int k = 0; k < inputs; k++) {
                inputWeights[row][k] = w[row * inputs + k];
            }
            for (int j = 0; j < hidden; j++) {
                recurrentWeights[row][j] = r[row * hidden + j];
            }
            bias[row] = (double) b[row] + b[4 * hidden + row];
        }
        double[] outputWeights = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            outputWeights[j] = outW[j];
        }
        return new LstmWeights(hidden, inputWeights, recurrentWeights, bias, outputWeights, outB[0]);
    }

    /**
     * Weights from DL4J's layout: {@code W [nIn, 4H]}, {@code RW [H, 4H]}, {@code b [4H]}, gate
     * blocks ordered (cell candidate, forget, output, input).
     */
    public static LstmWeights fromDl4j(AdderNetwork.Parameters p) {
        int hidden = p.hiddenSize();
        int inputs = ModelContract.INPUT_FEATURES;
        float[] bias = p.lstmBias().ravel().toFloatVector();
        double[][] inputWeights = new double[4 * hidden][inputs];
        double[][] recurrentWeights = new double[4 * hidden][hidden];
        double[] onnxBias = new double[4 * hidden];
        for (int gate = 0; gate < 4; gate++) {
            for (int unit = 0; unit < hidden; unit++) {
                int row = gate * hidden + unit;
                int column = DL4J_BLOCK_OF_ONNX_GATE[gate] * hidden + unit;
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
        return new LstmWeights(hidden, inputWeights, recurrentWeights, onnxBias, outputWeights,
                p.outputBias().ravel().getFloat(0));
    }

    /** The DL4J gate block (cell candidate, forget, output, input) holding ONNX gate block {@code gate}. */
    static int dl4jBlock(int gate) {
        return DL4J_BLOCK_OF_ONNX_GATE[gate];
    }

    /** Parameters in the model file: four gates' weights and biases, and the dense output. */
    public int parameterCount() {
        return 4 * hidden * (2 + hidden + 1) + hidden + 1;
    }

    /** Row {@code unit} of gate block {@code gate}. */
    public int row(int gate, int unit) {
        return gate * hidden + unit;
    }

    /** These weights with the output layer negated: every sum bit flips. A known-bad model. */
    public LstmWeights withNegatedOutput() {
        double[] negated = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            negated[j] = -outputWeights[j];
        }
        return new LstmWeights(hidden, inputWeights, recurrentWeights, bias, negated, -outputBias);
    }

    private static NodeProto node(GraphProto graph, String opType, String source) {
        return graph.getNodeList().stream().filter(n -> n.getOpType().equals(opType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + " has no " + opType + " node"));
    }

    private static float[] floats(Map<String, TensorProto> initializers, String name, String source) {
        TensorProto tensor = initializers.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException(source + ": '" + name + "' is not an initializer");
        }
        if (!tensor.getRawData().isEmpty()) {
            FloatBuffer raw = ByteBuffer.wrap(tensor.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            float[] values = new float[raw.remaining()];
            raw.get(values);
            return values;
        }
        float[] values = new float[tensor.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tensor.getFloatData(i);
        }
        return values;
    }
}
