package io.neuraladder.train.imports;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * Reads a recurrent adder from an ONNX file another framework exported: one {@code LSTM},
 * {@code GRU} or {@code RNN} node (one layer, forward, default activations, zero initial state),
 * reading {@code [steps, batch, 2]} bits (or {@code [batch, steps, 2]} through a {@code Transpose}),
 * followed by a linear head with one output ({@code MatMul} and {@code Add}, or {@code Gemm}) and
 * an optional {@code Sigmoid}, with only reshapes between. This is what {@code torch.onnx.export}
 * writes for {@code nn.LSTM}/{@code nn.GRU}/{@code nn.RNN} with an {@code nn.Linear(H, 1)}, and what
 * tf2onnx writes for the same Keras layers. Tensor names do not matter; the exporter's preamble
 * that computes the initial state's shape ({@code Shape}, {@code Gather}, {@code Concat},
 * {@code ConstantOfShape} …) is recognised as such. Anything else is refused, naming the node or
 * attribute found.
 *
 * <p>Feature 0 of each step is the first operand's bit (the minuend of a subtractor), feature 1
 * the second's. A bit is 1 where the head's output is above 0.5: for a sigmoid head where the
 * logit is above 0, for a linear head where {@code w·h + b − 0.5} is; that threshold joins the
 * written bias.
 */
public final class ForeignAdderReader {

    /** Operators that only compute shapes and constants (the exporters' preambles), never the sum. */
    private static final Set<String> SHAPE_OPERATORS = Set.of("Shape", "Gather", "Unsqueeze", "Concat", "Constant",
            "ConstantOfShape", "Slice", "Cast", "Squeeze", "Expand", "Range", "Size");
    private static final Set<String> RECURRENT_OPERATORS = Set.of("LSTM", "GRU", "RNN");
    private static final Map<String, List<String>> DEFAULT_ACTIVATIONS = Map.of("LSTM", List.of("Sigmoid", "Tanh", "Tanh"),
            "GRU", List.of("Sigmoid", "Tanh"), "RNN", List.of("Tanh"));
    private static final long[] SWAP_FIRST_AXES = {1, 0, 2};

    private final ForeignGraph graph;
    private final String source;
    private final Set<NodeProto> sumPath = new HashSet<>();

    private ForeignAdderReader(ForeignGraph graph) {
        this.graph = graph;
        this.source = graph.source();
    }

    /**
     * Reads the adder in {@code bytes} ({@code source} names the file in messages).
     *
     * @throws ImportRefusedException naming what is not a one-layer recurrent adder
     */
    public static ImportedAdder read(byte[] bytes, String source) {
        ForeignGraph graph = ForeignGraph.parse(bytes, source);
        return new ForeignAdderReader(graph).read(sha256(bytes));
    }

    private ImportedAdder read(String sha256) {
        NodeProto recurrent = recurrentNode();
        sumPath.add(recurrent);
        String op = recurrent.getOpType();
        long linearBeforeReset = requireAttributes(recurrent);
        CellType cell = CellType.forOnnxNode(op, linearBeforeReset).orElseThrow();
        boolean batchFirst = requireBitsInput(recurrent);
        requireZeroInitialState(recurrent);
        int hidden = (int) ForeignGraph.attribute(recurrent, "hidden_size").orElseThrow().getI();
        int rows = cell.gates() * hidden;
        float[] w = shaped(recurrent.getInput(1), op + " input weights W", 1, rows, 2);
        float[] r = shaped(recurrent.getInput(2), op + " recurrent weights R", 1, rows, hidden);
        float[] b = recurrent.getInputCount() > 3 && !recurrent.getInput(3).isEmpty()
                ? shaped(recurrent.getInput(3), op + " biases B", 1, 2L * rows) : new float[2 * rows];
        Head head = head(recurrent, hidden);
        requireOnlyShapeOperatorsBeside();
        String producer = (graph.model().getProducerName() + " " + graph.model().getProducerVersion()).trim();
        CellWeights weights = weights(cell, hidden, w, r, b, head);
        return new ImportedAdder(weights, head.sigmoid ? "sigmoid" : "linear", batchFirst,
                producer.isEmpty() ? "an unnamed producer" : producer, sha256, source);
    }

    private NodeProto recurrentNode() {
        List<NodeProto> recurrent = graph.graph().getNodeList().stream()
                .filter(node -> RECURRENT_OPERATORS.contains(node.getOpType())).toList();
        if (recurrent.isEmpty()) {
            throw refuse("no LSTM, GRU or RNN node (the graph's operators: " + graph.graph().getNodeList().stream()
                    .map(NodeProto::getOpType).distinct().toList() + ")");
        }
        if (recurrent.size() > 1) {
            throw refuse(recurrent.size() + " recurrent nodes (" + recurrent.stream().map(ForeignGraph::describe)
                    .toList() + "): a stacked network (num_layers > 1) is not a one-layer adder; import one layer");
        }
        return recurrent.get(0);
    }

    /** Checks every attribute against what the cell's equations assume; returns linear_before_reset. */
    private long requireAttributes(NodeProto recurrent) {
        String op = recurrent.getOpType();
        long linearBeforeReset = 0;
        boolean hasHidden = false;
        for (AttributeProto attribute : recurrent.getAttributeList()) {
            switch (attribute.getName()) {
                case "hidden_size" -> {
                    hasHidden = attribute.getI() >= 1 && attribute.getI() <= 1024;
                    if (!hasHidden) {
                        throw refuse(ForeignGraph.describe(recurrent) + " has hidden_size " + attribute.getI()
                                + "; the importer takes 1 to 1024");
                    }
                }
                case "direction" -> {
                    String direction = attribute.getS().toStringUtf8();
                    if (!direction.equals("forward")) {
                        throw refuse(ForeignGraph.describe(recurrent) + " has direction '" + direction
                                + "': an adder reads its bits forward, least significant first (bidirectional=False)");
                    }
                }
                case "activations" -> {
                    List<String> activations = attribute.getStringsList().stream().map(s -> s.toStringUtf8()).toList();
                    if (!activations.equals(DEFAULT_ACTIVATIONS.get(op))) {
                        throw refuse(ForeignGraph.describe(recurrent) + " has activations " + activations
                                + "; the importer models the defaults " + DEFAULT_ACTIVATIONS.get(op));
                    }
                }
                case "linear_before_reset" -> {
                    linearBeforeReset = attribute.getI();
                    if (!op.equals("GRU") || (linearBeforeReset != 0 && linearBeforeReset != 1)) {
                        throw refuse(ForeignGraph.describe(recurrent) + " has linear_before_reset "
                                + linearBeforeReset + "; only a GRU has it, 0 or 1");
                    }
                }
                case "layout", "input_forget" -> {
                    if (attribute.getI() != 0) {
                        throw refuse(ForeignGraph.describe(recurrent) + " has " + attribute.getName() + " = "
                                + attribute.getI() + "; the importer models " + attribute.getName() + " = 0");
                    }
                }
                default -> throw refuse(ForeignGraph.describe(recurrent) + " has the attribute '" + attribute.getName()
                        + "', which the importer does not model (it knows hidden_size, direction, activations, "
                        + "linear_before_reset, layout and input_forget at their defaults)");
            }
        }
        if (!hasHidden) {
            throw refuse(ForeignGraph.describe(recurrent) + " has no hidden_size");
        }
        if (recurrent.getInputCount() > 4 && !recurrent.getInput(4).isEmpty()) {
            throw refuse(ForeignGraph.describe(recurrent) + " reads sequence_lens '" + recurrent.getInput(4)
                    + "'; an adder reads every step");
        }
        if (op.equals("LSTM") && recurrent.getInputCount() > 7 && !recurrent.getInput(7).isEmpty()) {
            throw refuse(ForeignGraph.describe(recurrent) + " has peephole weights '" + recurrent.getInput(7)
                    + "', which the importer does not model");
        }
        return linearBeforeReset;
    }

    /** The cell reads the graph's one input of 2 features, directly or through Transpose [1, 0, 2]. */
    private boolean requireBitsInput(NodeProto recurrent) {
        List<String> inputs = graph.dataInputs();
        if (inputs.size() != 1) {
            throw refuse("the graph has " + inputs.size() + " inputs " + inputs + "; an adder reads one, its operands' bits");
        }
        String x = recurrent.getInput(0);
        boolean batchFirst = false;
        Optional<NodeProto> producer = graph.producer(x);
        if (producer.isPresent()) {
            NodeProto transpose = producer.get();
            if (!isSwapOfFirstAxes(transpose)) {
                throw refuse(ForeignGraph.describe(recurrent) + " reads '" + x + "' from " + ForeignGraph.describe(transpose)
                        + "; the importer takes the graph's input directly, or through Transpose perm [1, 0, 2] "
                        + "(batch_first)");
            }
            sumPath.add(transpose);
            x = transpose.getInput(0);
            batchFirst = true;
        }
        if (!x.equals(inputs.get(0))) {
            throw refuse(ForeignGraph.describe(recurrent) + " does not read the graph's input '" + inputs.get(0) + "'");
        }
        graph.graph().getInputList().stream().filter(v -> v.getName().equals(inputs.get(0))).findFirst()
                .map(v -> v.getType().getTensorType().getShape().getDimList()).filter(dims -> dims.size() == 3
                        && dims.get(2).hasDimValue() && dims.get(2).getDimValue() != 2)
                .ifPresent(dims -> {
                    throw refuse("the input '" + inputs.get(0) + "' has " + dims.get(2).getDimValue() + " features per "
                            + "step; an adder reads 2, its operands' bits");
                });
        return batchFirst;
    }

    /** initial_h (and initial_c) absent, or all zeros: a zero constant or ConstantOfShape of zero. */
    private void requireZeroInitialState(NodeProto recurrent) {
        for (int input = 5; input <= 6 && input < recurrent.getInputCount(); input++) {
            String state = recurrent.getInput(input);
            if (state.isEmpty()) {
                continue;
            }
            boolean zero = graph.constant(state).map(t -> allZero(graph.floats(state, "initial state"))).orElse(false)
                    || graph.producer(state).filter(n -> n.getOpType().equals("ConstantOfShape"))
                            .map(n -> ForeignGraph.attribute(n, "value").map(a -> isZero(a.getT())).orElse(true))
                            .orElse(false);
            if (!zero) {
                throw refuse(ForeignGraph.describe(recurrent) + "'s " + (input == 5 ? "initial_h" : "initial_c") + " '"
                        + state + "' is not all zeros; an adder starts from the zero state");
            }
        }
    }

    /** The head, followed from the cell's output Y through reshapes, then the optional Sigmoid, to the graph's output. */
    private Head head(NodeProto recurrent, int hidden) {
        for (int output = 1; output < recurrent.getOutputCount(); output++) {
            String finalState = recurrent.getOutput(output);
            if (!finalState.isEmpty() && (!graph.consumers(finalState).isEmpty() || isGraphOutput(finalState))) {
                throw refuse(ForeignGraph.describe(recurrent) + "'s final state '" + finalState
                        + "' is used; an adder outputs a sum bit at every step from Y alone");
            }
        }
        String tensor = skipReshapes(recurrent.getOutput(0), "the cell's output Y", true);
        NodeProto node = onlyConsumer(tensor, "the cell's output Y");
        float[] weights;
        float bias;
        if (node.getOpType().equals("MatMul") && node.getInput(0).equals(tensor)) {
            sumPath.add(node);
            weights = headWeights(node.getInput(1), hidden, false);
            tensor = node.getOutput(0);
            NodeProto add = onlyConsumer(tensor, "the head's MatMul");
            if (!add.getOpType().equals("Add")) {
                throw refuse("the head's MatMul is followed by " + ForeignGraph.describe(add) + "; expected Add (the bias)");
            }
            sumPath.add(add);
            String other = add.getInput(0).equals(tensor) ? add.getInput(1) : add.getInput(0);
            bias = scalar(other, "head bias");
            tensor = add.getOutput(0);
        } else if (node.getOpType().equals("Gemm") && node.getInput(0).equals(tensor)) {
            sumPath.add(node);
            for (AttributeProto attribute : node.getAttributeList()) {
                boolean identity = switch (attribute.getName()) {
                    case "alpha", "beta" -> attribute.getF() == 1f;
                    case "transA" -> attribute.getI() == 0;
                    case "transB" -> true;
                    default -> false;
                };
                if (!identity) {
                    throw refuse("the head " + ForeignGraph.describe(node) + " has " + attribute.getName()
                            + "; the importer takes alpha = beta = 1 and transA = 0");
                }
            }
            boolean transposed = ForeignGraph.attribute(node, "transB").map(AttributeProto::getI).orElse(0L) == 1;
            weights = headWeights(node.getInput(1), hidden, transposed);
            bias = node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? scalar(node.getInput(2), "head bias") : 0f;
            tensor = node.getOutput(0);
        } else {
            throw refuse("the cell's output is read by " + ForeignGraph.describe(node) + "; the importer takes a "
                    + "linear head (MatMul and Add, or Gemm) with one output");
        }
        tensor = skipReshapes(tensor, "the head", false);
        boolean sigmoid = false;
        Optional<NodeProto> next = graph.consumers(tensor).stream().findFirst();
        if (next.isPresent() && next.get().getOpType().equals("Sigmoid")) {
            sumPath.add(next.get());
            sigmoid = true;
            tensor = skipReshapes(next.get().getOutput(0), "the Sigmoid", false);
        }
        if (!graph.consumers(tensor).isEmpty()) {
            throw refuse("the linear head is followed by " + ForeignGraph.describe(graph.consumers(tensor).get(0))
                    + "; only a Sigmoid (and reshapes) may follow it");
        }
        List<String> outputs = graph.graph().getOutputList().stream().map(v -> v.getName()).toList();
        if (!outputs.equals(List.of(tensor))) {
            throw refuse("the graph's outputs are " + outputs + "; an adder has one, the head's '" + tensor + "'");
        }
        return new Head(weights, sigmoid ? bias : bias - 0.5f, sigmoid);
    }

    /** The logit is {@code weights · h + bias}; the bit is 1 where it is positive. */
    private record Head(float[] weights, float bias, boolean sigmoid) {}

    /**
     * Follows {@code tensor} through Squeeze of the direction axis, Transpose [1, 0, 2] and Reshape,
     * which move a step's state (or output) without mixing steps or features: row-major order is kept.
     */
    private String skipReshapes(String tensor, String what, boolean directionAxis) {
        boolean squeezed = !directionAxis;
        while (true) {
            List<NodeProto> readers = graph.consumers(tensor);
            if (readers.size() != 1) {
                if (!squeezed && readers.size() > 1) {
                    throw refuse(what + " '" + tensor + "' is read by " + readers.size() + " nodes; an adder reads it once");
                }
                return tensor;
            }
            NodeProto node = readers.get(0);
            boolean reshape = switch (node.getOpType()) {
                case "Squeeze" -> !squeezed && squeezesDirectionAxis(node);
                case "Transpose" -> isSwapOfFirstAxes(node);
                case "Reshape" -> squeezed && node.getInput(0).equals(tensor);
                default -> false;
            };
            if (!reshape) {
                if (!squeezed && directionAxis) {
                    throw refuse(what + " '" + tensor + "' goes to " + ForeignGraph.describe(node)
                            + "; expected Squeeze of axis 1 (the direction axis)");
                }
                return tensor;
            }
            squeezed |= node.getOpType().equals("Squeeze");
            sumPath.add(node);
            tensor = node.getOutput(0);
        }
    }

    private boolean squeezesDirectionAxis(NodeProto squeeze) {
        long[] axes = squeeze.getInputCount() > 1 ? graph.longs(squeeze.getInput(1)).orElse(null)
                : ForeignGraph.attribute(squeeze, "axes").map(a -> a.getIntsList().stream().mapToLong(Long::longValue)
                        .toArray()).orElse(null);
        return axes != null && Arrays.equals(axes, new long[] {1});
    }

    private static boolean isSwapOfFirstAxes(NodeProto node) {
        return node.getOpType().equals("Transpose") && ForeignGraph.attribute(node, "perm")
                .map(a -> Arrays.equals(a.getIntsList().stream().mapToLong(Long::longValue).toArray(), SWAP_FIRST_AXES))
                .orElse(false);
    }

    private NodeProto onlyConsumer(String tensor, String what) {
        List<NodeProto> readers = graph.consumers(tensor);
        if (readers.size() != 1) {
            throw refuse(what + " '" + tensor + "' is read by " + readers.size() + " nodes ("
                    + readers.stream().map(ForeignGraph::describe).toList() + "); expected one linear head");
        }
        return readers.get(0);
    }

    /** The head's weights as a vector over the hidden units: {@code [H, 1]}, or {@code [1, H]} when transposed. */
    private float[] headWeights(String tensor, int hidden, boolean transposed) {
        long[] dims = graph.dims(tensor);
        long[] expected = transposed ? new long[] {1, hidden} : new long[] {hidden, 1};
        float[] values = graph.floats(tensor, "head weights");
        if (!Arrays.equals(dims, expected)) {
            throw refuse("the head's weights '" + tensor + "' have shape " + Arrays.toString(dims) + "; an adder's "
                    + "head maps " + hidden + " hidden units to one output, " + Arrays.toString(expected));
        }
        return values;
    }

    private float scalar(String tensor, String role) {
        float[] values = graph.floats(tensor, role);
        if (values.length != 1) {
            throw refuse("the " + role + " '" + tensor + "' has " + values.length + " values; an adder's head has one output");
        }
        return values[0];
    }

    private float[] shaped(String tensor, String role, long... shape) {
        float[] values = graph.floats(tensor, role);
        long[] dims = graph.dims(tensor);
        if (!Arrays.equals(dims, shape)) {
            throw refuse("the " + role + " '" + tensor + "' have shape " + Arrays.toString(dims) + ", expected "
                    + Arrays.toString(shape));
        }
        return values;
    }

    /** Every node off the path from the bits to the sum computes only shapes or constants. */
    private void requireOnlyShapeOperatorsBeside() {
        List<String> others = new ArrayList<>();
        for (NodeProto node : graph.graph().getNodeList()) {
            if (!sumPath.contains(node) && !SHAPE_OPERATORS.contains(node.getOpType())
                    && !(node.getOpType().equals("Reshape") || node.getOpType().equals("Transpose"))) {
                others.add(ForeignGraph.describe(node));
            }
        }
        if (!others.isEmpty()) {
            throw refuse("the graph computes more than one recurrent layer and a linear head: " + others);
        }
    }

    private boolean isGraphOutput(String tensor) {
        return graph.graph().getOutputList().stream().anyMatch(v -> v.getName().equals(tensor));
    }

    private static CellWeights weights(CellType cell, int hidden, float[] w, float[] r, float[] b, Head head) {
        double[] outputWeights = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            outputWeights[j] = head.weights()[j];
        }
        return CellWeights.fromOnnxLayout(cell, hidden, w, r, b, new double[][] {outputWeights},
                new double[] {head.bias()});
    }

    private static boolean allZero(float[] values) {
        for (float value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(TensorProto value) {
        return value.getRawData().toByteArray().length == 0 ? value.getFloatDataList().stream().allMatch(f -> f == 0)
                && value.getInt64DataList().stream().allMatch(l -> l == 0)
                : allZeroBytes(value.getRawData().toByteArray());
    }

    private static boolean allZeroBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private ImportRefusedException refuse(String what) {
        return new ImportRefusedException(source + ": " + what);
    }
}
