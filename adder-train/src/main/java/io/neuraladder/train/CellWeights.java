package io.neuraladder.train;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.ModelContract;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * The weights of a recurrent adder in ONNX's layout, gate blocks stacked in the ONNX operator's
 * order (see {@link CellType}), with the input and recurrent biases added together: what the
 * exporter writes, the certifier proves and {@code certify} reads back from a file.
 *
 * <p>A binary adder ({@link ModelContract}) reads 2 input features, the operands' bits, and has one
 * output, the sum bit's logit. A digit-serial adder in radix {@code r}
 * ({@link DigitSerialContract}) reads {@code 2r}, the operands' one-hot digits, and has {@code r}
 * outputs, the sum digit's logits. With {@code G = cell.gates()},
 * {@code I} inputs and {@code K} outputs:
 *
 * @param cell the recurrent cell
 * @param hidden the hidden size {@code H}
 * @param inputWeights {@code [G·H][I]}
 * @param recurrentWeights {@code [G·H][H]}
 * @param bias {@code [G·H]}: {@code Wb + Rb}
 * @param outputWeights {@code [K][H]}: the dense layer after the cell
 * @param outputBias {@code [K]}: the dense layer's bias
 * @param resetGatedBias {@code [H]} for {@link CellType#GRU_LINEAR_BEFORE_RESET}: the candidate's
 *     recurrent bias {@code Rb_h}, which the reset gate multiplies and so cannot join {@code bias}
 *     (whose candidate rows then hold {@code Wb_h} alone); empty for every other cell
 */
public record CellWeights(CellType cell, int hidden, double[][] inputWeights, double[][] recurrentWeights,
        double[] bias, double[][] outputWeights, double[] outputBias, double[] resetGatedBias) {

    /** Checks that {@link #resetGatedBias} is there exactly when the cell has one. */
    public CellWeights {
        if (resetGatedBias.length != (cell.linearBeforeReset() ? hidden : 0)) {
            throw new IllegalArgumentException(cell.metadataName() + " with " + hidden + " units takes "
                    + (cell.linearBeforeReset() ? hidden : 0) + " reset-gated biases, not " + resetGatedBias.length);
        }
    }

    /** The weights of a cell without a reset-gated bias (every cell but {@link CellType#GRU_LINEAR_BEFORE_RESET}). */
    public CellWeights(CellType cell, int hidden, double[][] inputWeights, double[][] recurrentWeights,
            double[] bias, double[][] outputWeights, double[] outputBias) {
        this(cell, hidden, inputWeights, recurrentWeights, bias, outputWeights, outputBias, new double[0]);
    }

    /** A binary adder's weights: one output, the sum bit's logit. */
    public CellWeights(CellType cell, int hidden, double[][] inputWeights, double[][] recurrentWeights,
            double[] bias, double[] outputWeights, double outputBias) {
        this(cell, hidden, inputWeights, recurrentWeights, bias, new double[][] {outputWeights},
                new double[] {outputBias});
    }

    /** LSTM gate block indices in ONNX's order. */
    public static final int INPUT_GATE = 0;
    public static final int OUTPUT_GATE = 1;
    public static final int FORGET_GATE = 2;
    public static final int CELL_GATE = 3;

    /** GRU gate block indices in ONNX's order. */
    public static final int UPDATE_GATE = 0;
    public static final int RESET_GATE = 1;
    public static final int CANDIDATE_GATE = 2;


    /** Reads the weights from an ONNX model file that follows the model contract. */
    public static CellWeights read(Path onnxFile) throws IOException {
        return fromModel(ModelProto.parseFrom(Files.readAllBytes(onnxFile)), onnxFile.toString());
    }

    /** Reads the weights from a parsed ONNX model; {@code source} names it in messages. */
    public static CellWeights fromModel(ModelProto model, String source) {
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        NodeProto recurrent = graph.getNodeList().stream()
                .filter(n -> cellOf(n).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + " has no RNN, GRU or LSTM node"));
        CellType cell = cellOf(recurrent).orElseThrow();
        requireContractGraph(graph, recurrent, source);
        NodeProto matMul = node(graph, "MatMul", source);
        NodeProto add = node(graph, "Add", source);
        float[] w = floats(initializers, recurrent.getInput(1), source);
        float[] r = floats(initializers, recurrent.getInput(2), source);
        float[] b = floats(initializers, recurrent.getInput(3), source);
        float[] outW = floats(initializers, matMul.getInput(1), source);
        float[] outB = floats(initializers, add.getInput(1), source);
        int outputs = outB.length;
        int hidden = outW.length / Math.max(outputs, 1);
        int rows = cell.gates() * hidden;
        int inputs = rows == 0 ? 0 : w.length / rows;
        boolean known = (inputs == ModelContract.INPUT_FEATURES && outputs == ModelContract.OUTPUT_FEATURES)
                || (DigitSerialContract.isDefined(outputs) && inputs == DigitSerialContract.inputFeatures(outputs));
        if (!known || w.length != rows * inputs || r.length != rows * hidden || b.length != 2 * rows
                || outW.length != hidden * outputs) {
            throw new IllegalArgumentException(source + ": " + cell.onnxOperator() + " and dense weight sizes ("
                    + w.length + ", " + r.length + ", " + b.length + ", " + outW.length + ", " + outB.length
                    + ") fit neither a binary nor a digit-serial adder");
        }
        double[][] outputWeights = new double[outputs][hidden];
        double[] outputBias = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < hidden; j++) {
                outputWeights[k][j] = outW[j * outputs + k];
            }
            outputBias[k] = outB[k];
        }
        return fromOnnxLayout(cell, hidden, w, r, b, outputWeights, outputBias);
    }

    /**
     * The weights of a cell from its ONNX operator's {@code W [G·H, I]}, {@code R [G·H, H]} and
     * {@code B [2·G·H]} (row-major, input biases then recurrent biases), and its output layer: the
     * two biases of a row summed, but for the reset-gated candidate rows of
     * {@link CellType#GRU_LINEAR_BEFORE_RESET}, whose recurrent bias is kept apart.
     */
    public static CellWeights fromOnnxLayout(CellType cell, int hidden, float[] w, float[] r, float[] b,
            double[][] outputWeights, double[] outputBias) {
        int rows = cell.gates() * hidden;
        int inputs = w.length / rows;
        double[][] inputWeights = new double[rows][inputs];
        double[][] recurrentWeights = new double[rows][hidden];
        double[] bias = new double[rows];
        double[] resetGatedBias = new double[cell.linearBeforeReset() ? hidden : 0];
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < inputs; k++) {
                inputWeights[row][k] = w[row * inputs + k];
            }
            for (int j = 0; j < hidden; j++) {
                recurrentWeights[row][j] = r[row * hidden + j];
            }
            boolean resetGated = cell.linearBeforeReset() && row >= CANDIDATE_GATE * hidden;
            bias[row] = resetGated ? b[row] : (double) b[row] + b[rows + row];
            if (resetGated) {
                resetGatedBias[row - CANDIDATE_GATE * hidden] = b[rows + row];
            }
        }
        return new CellWeights(cell, hidden, inputWeights, recurrentWeights, bias, outputWeights, outputBias,
                resetGatedBias);
    }

    /**
     * Refuses a graph this class would misread: anything but the contract's nodes, or a recurrent
     * node with an attribute whose value the cells' equations here do not model.
     */
    private static void requireContractGraph(GraphProto graph, NodeProto recurrent, String source) {
        List<String> ops = graph.getNodeList().stream().map(NodeProto::getOpType).toList();
        String last = ops.isEmpty() ? "" : ops.get(ops.size() - 1);
        List<String> expected = List.of(recurrent.getOpType(), "Squeeze", "MatMul", "Add",
                last.equals("Softmax") ? "Softmax" : "Sigmoid");
        String importHint = "; for a network exported from PyTorch or tf2onnx, run `adder-train import` on it first";
        if (!ops.equals(expected)) {
            throw new IllegalArgumentException(source + " is not in the model contract: its nodes are " + ops
                    + ", not " + expected + importHint);
        }
        for (AttributeProto attribute : recurrent.getAttributeList()) {
            boolean modelled = switch (attribute.getName()) {
                case "hidden_size", "linear_before_reset" -> true;
                case "direction" -> attribute.getS().toStringUtf8().equals("forward");
                default -> false;
            };
            if (!modelled) {
                throw new IllegalArgumentException(source + ": the " + recurrent.getOpType() + " node's attribute '"
                        + attribute.getName() + "' is not modelled by the certificate search (it knows hidden_size, "
                        + "direction forward and linear_before_reset)" + importHint);
            }
        }
    }

    /** The cell an ONNX node runs, by its operator and {@code linear_before_reset} attribute; empty if none. */
    public static Optional<CellType> cellOf(NodeProto node) {
        long linearBeforeReset = node.getAttributeList().stream().filter(a -> a.getName().equals("linear_before_reset"))
                .mapToLong(a -> a.getI()).findFirst().orElse(0);
        return CellType.forOnnxNode(node.getOpType(), linearBeforeReset);
    }

    /** Trainable parameters: each gate's weights and (combined) bias, the reset-gated bias, and the dense output. */
    public int parameterCount() {
        return cell.gates() * hidden * (inputs() + hidden + 1) + resetGatedBias.length + outputs() * (hidden + 1);
    }

    /** Input features per step: 2 for a binary adder, {@code 2r} for a digit-serial one. */
    public int inputs() {
        return inputWeights[0].length;
    }

    /** Outputs per step: 1 (a logit) for a binary adder, {@code r} (a logit per digit) for a digit-serial one. */
    public int outputs() {
        return outputBias.length;
    }

    /** The number base: 2 for a binary adder, {@code r} for a digit-serial one (10 for the decimal adder). */
    public int radix() {
        return inputs() == ModelContract.INPUT_FEATURES ? 2 : inputs() / 2;
    }

    /**
     * The input's contribution to row {@code row}'s preactivation for the digits (a, b): the bits
     * times their weights for a binary adder, the one-hot columns' weights for a digit-serial one.
     */
    public double inputTerm(int row, int a, int b) {
        double[] w = inputWeights[row];
        return radix() == 2 ? w[0] * a + w[1] * b : w[a] + w[radix() + b];
    }

    /** The largest absolute input contribution to row {@code row}: a bound for rounding error. */
    public double inputMagnitude(int row) {
        return Arrays.stream(inputWeights[row]).map(Math::abs).sum();
    }

    /** Row {@code unit} of gate block {@code gate}. */
    public int row(int gate, int unit) {
        return gate * hidden + unit;
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
        return floats(tensor);
    }

    /** A float32 tensor's values, from its raw little-endian bytes or its {@code float_data}. */
    public static float[] floats(TensorProto tensor) {
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
