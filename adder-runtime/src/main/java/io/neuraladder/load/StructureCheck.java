package io.neuraladder.load;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.proof.CellParameters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a model file's structure in Java, before ONNX Runtime's native parser sees the bytes.
 *
 * <p>Fuzzing showed why: a single flipped bit that drops the {@code W} input of the LSTM node made
 * ONNX Runtime 1.26 abort the whole JVM ("terminate called without an active exception"). So only
 * the graph the model contract allows reaches native code:
 *
 * <pre>
 * operand_bits [steps, batch, 2]
 *   -> LSTM(X, W [1, 4H, 2], R [1, 4H, H], B [1, 8H]; hidden_size = H, direction forward)
 *      (or RNN, or GRU with linear_before_reset 0 or 1, each with its own number of gate blocks)
 *   -> Squeeze(axes = [1]) -> MatMul(W_out [H, 1]) -> Add(b_out [1]) -> Sigmoid
 *   -> sum_bit_probability [steps, batch, 1]
 * </pre>
 *
 * with float32 weights that are all finite, one default-domain opset from {@value #MIN_OPSET} to
 * {@value #MAX_OPSET}, and the required metadata; a {@code neuraladder.cell} entry, when present,
 * must name the cell the graph runs. A digit-serial adder in radix {@code r}
 * ({@code neuraladder.radix = r}, 3 to 36, {@link DigitSerialContract}) has the same graph with its
 * own tensor names, {@code 2r} input and {@code r} output features, and {@code Softmax(axis = 2)}
 * in place of the {@code Sigmoid}.
 */
public final class StructureCheck {

    static final long MIN_OPSET = 14;
    static final long MAX_OPSET = 21;
    static final int MAX_HIDDEN_SIZE = 1024;

    private final String source;
    private final Map<String, TensorProto> initializers = new HashMap<>();
    private CellType cell;
    private Layout layout;
    private Operator operator;

    private StructureCheck(String source) {
        this.source = source;
    }

    /** The parsed model, once its structure is known to be the contract's, the cell it runs and its radix. */
    public record CheckedModel(ModelProto proto, Map<String, String> metadata, CellType cell, int radix, Operator operator,
            ModelWeights weights) {

        /** The weights, as ONNX Runtime will read them from the same bytes, for the certificate check. */
        public CellParameters parameters() {
            int hidden = weights.hidden();
            return new CellParameters(cell, hidden, weights.w().length / (cell.gates() * hidden),
                    weights.denseB().length, weights.w(), weights.r(), weights.b(), weights.denseW(), weights.denseB());
        }
    }

    /** Where the binary and the digit-serial contracts differ. */
    private record Layout(int radix, String inputName, int inputFeatures, String outputName, int outputFeatures,
            String lastOp) {

        static final Layout BINARY = new Layout(2, ModelContract.INPUT_NAME, ModelContract.INPUT_FEATURES,
                ModelContract.OUTPUT_NAME, ModelContract.OUTPUT_FEATURES, "Sigmoid");

        static Layout digitSerial(int radix) {
            return new Layout(radix, DigitSerialContract.INPUT_NAME, DigitSerialContract.inputFeatures(radix),
                    DigitSerialContract.OUTPUT_NAME, DigitSerialContract.outputFeatures(radix), "Softmax");
        }
    }

    /** Returns the parsed model and its metadata if its structure is the contract's; throws otherwise. */
    public static CheckedModel verify(ModelSource model) {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(model.bytes());
        } catch (InvalidProtocolBufferException e) {
            throw new ModelLoadException("model " + model.name() + " is not a valid ONNX file (protobuf: "
                    + e.getMessage() + ")", e);
        }
        StructureCheck check = new StructureCheck(model.name());
        Map<String, String> metadata = check.verify(proto);
        return new CheckedModel(proto, metadata, check.cell, check.layout.radix(), check.operator,
                ModelWeights.of(proto));
    }

    private Map<String, String> verify(ModelProto model) {
        verifyOpset(model);
        if (model.getFunctionsCount() > 0 || model.getTrainingInfoCount() > 0) {
            throw violation("no functions or training information", model.getFunctionsCount() + " functions and "
                    + model.getTrainingInfoCount() + " training-information entries");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (StringStringEntryProto entry : model.getMetadataPropsList()) {
            metadata.put(entry.getKey(), entry.getValue());
        }
        requireMetadata(metadata, MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        operator = operator(metadata.get(MetadataKey.OPERATOR.key()));
        String radix = metadata.getOrDefault(MetadataKey.RADIX.key(), "2");
        layout = layout(radix);
        GraphProto graph = model.getGraph();
        verifyValue("input", graph.getInputList(), layout.inputName(), layout.inputFeatures());
        verifyValue("output", graph.getOutputList(), layout.outputName(), layout.outputFeatures());
        if (graph.getInitializerCount() != 6 || graph.getSparseInitializerCount() > 0 || graph.getValueInfoCount() > 0) {
            throw violation("6 dense initializers and no value_info", graph.getInitializerCount() + " initializers, "
                    + graph.getSparseInitializerCount() + " sparse initializers, " + graph.getValueInfoCount()
                    + " value_info entries");
        }
        for (TensorProto initializer : graph.getInitializerList()) {
            if (initializers.put(initializer.getName(), initializer) != null) {
                throw violation("unique initializer names", "initializer '" + initializer.getName() + "' twice");
            }
        }
        verifyNodes(graph.getNodeList());
        String cellName = metadata.get(MetadataKey.CELL.key());
        if (cellName != null && !cellName.equals(cell.metadataName())) {
            throw violation("metadata " + MetadataKey.CELL.key() + " = " + cell.metadataName() + " for a graph that runs "
                    + cell.onnxOperator() + (cell.linearBeforeReset() ? " with linear_before_reset = 1" : ""),
                    MetadataKey.CELL.key() + " = " + cellName);
        }
        return metadata;
    }

    private void verifyOpset(ModelProto model) {
        List<OperatorSetIdProto> opsets = model.getOpsetImportList();
        boolean valid = opsets.size() == 1
                && (opsets.get(0).getDomain().isEmpty() || opsets.get(0).getDomain().equals("ai.onnx"))
                && opsets.get(0).getVersion() >= MIN_OPSET && opsets.get(0).getVersion() <= MAX_OPSET;
        if (!valid) {
            throw violation("one default-domain opset import, version " + MIN_OPSET + " to " + MAX_OPSET,
                    opsets.stream().map(o -> "'" + o.getDomain() + "' version " + o.getVersion())
                            .collect(Collectors.joining(", ", "[", "]")));
        }
    }

    private void verifyValue(String role, List<ValueInfoProto> values, String name, int features) {
        String expected = role + " '" + name + "' of type FLOAT and shape [" + ModelContract.STEPS_DIMENSION + ", "
                + ModelContract.BATCH_DIMENSION + ", " + features + "]";
        if (values.size() != 1 || !values.get(0).getName().equals(name)) {
            throw violation("exactly one " + expected, role + "s "
                    + values.stream().map(ValueInfoProto::getName).collect(Collectors.toList()));
        }
        ValueInfoProto value = values.get(0);
        if (!value.getType().hasTensorType()) {
            throw violation(expected, role + " '" + name + "' that is not a tensor");
        }
        int elementType = value.getType().getTensorType().getElemType();
        List<TensorShapeProto.Dimension> dims = value.getType().getTensorType().getShape().getDimList();
        boolean shapeMatches = dims.size() == ModelContract.TENSOR_RANK && !dims.get(0).hasDimValue()
                && !dims.get(1).hasDimValue() && dims.get(2).hasDimValue() && dims.get(2).getDimValue() == features;
        if (elementType != TensorProto.DataType.FLOAT_VALUE || !shapeMatches) {
            throw violation(expected, role + " '" + name + "' of type " + typeName(elementType) + " and shape "
                    + dims.stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : "?")
                            .collect(Collectors.joining(", ", "[", "]")));
        }
    }

    private void verifyNodes(List<NodeProto> nodes) {
        List<String> ops = nodes.stream().map(n -> n.getDomain().isEmpty() ? n.getOpType() : n.getDomain() + ":"
                + n.getOpType()).toList();
        boolean recurrentFirst = !ops.isEmpty() && List.of("RNN", "GRU", "LSTM").contains(ops.get(0));
        List<String> expectedOps = List.of(recurrentFirst ? ops.get(0) : "RNN|GRU|LSTM", "Squeeze", "MatMul",
                "Add", layout.lastOp());
        if (!ops.equals(expectedOps)) {
            throw violation("the nodes " + expectedOps, "the nodes " + ops);
        }
        NodeProto recurrent = nodes.get(0);
        long hidden = recurrentAttributes(recurrent);
        requireInputs(recurrent, 4);
        requireSingleOutput(recurrent);
        if (!recurrent.getInput(0).equals(layout.inputName())) {
            throw violation("the " + cell.onnxOperator() + " to read '" + layout.inputName() + "'",
                    "it reads '" + recurrent.getInput(0) + "'");
        }
        long rows = cell.gates() * hidden;
        floatInitializer(recurrent, 1, 1, rows, layout.inputFeatures());
        floatInitializer(recurrent, 2, 1, rows, hidden);
        floatInitializer(recurrent, 3, 1, 2 * rows);

        NodeProto squeeze = nodes.get(1);
        requireInputs(squeeze, 2);
        requireSingleOutput(squeeze);
        requireChain(recurrent, squeeze);
        TensorProto axes = initializer(squeeze, 1);
        if (axes.getDataType() != TensorProto.DataType.INT64_VALUE || !Arrays.equals(longs(axes), new long[] {1})) {
            throw violation("Squeeze axes [1] (int64)", "axes " + Arrays.toString(longs(axes)) + " of type "
                    + typeName(axes.getDataType()));
        }

        NodeProto matMul = nodes.get(2);
        requireInputs(matMul, 2);
        requireSingleOutput(matMul);
        requireChain(squeeze, matMul);
        floatInitializer(matMul, 1, hidden, layout.outputFeatures());

        NodeProto add = nodes.get(3);
        requireInputs(add, 2);
        requireSingleOutput(add);
        requireChain(matMul, add);
        floatInitializer(add, 1, layout.outputFeatures());

        NodeProto last = nodes.get(4);
        requireInputs(last, 1);
        requireSingleOutput(last);
        requireChain(add, last);
        if (!last.getOutput(0).equals(layout.outputName())) {
            throw violation("the " + layout.lastOp() + " to write '" + layout.outputName() + "'",
                    "it writes '" + last.getOutput(0) + "'");
        }
        for (NodeProto node : nodes.subList(1, nodes.size() - 1)) {
            if (node.getAttributeCount() > 0) {
                throw violation(node.getOpType() + " without attributes", "attributes " + attributeNames(node));
            }
        }
        verifyLastAttributes(last);
    }

    private Layout layout(String radix) {
        if (radix.equals("2")) {
            return Layout.BINARY;
        }
        int value = radix.matches("[1-9][0-9]?") ? Integer.parseInt(radix) : -1;
        if (!DigitSerialContract.isDefined(value)) {
            throw violation("metadata " + MetadataKey.RADIX.key() + " absent or 2 (a binary adder), or "
                    + DigitSerialContract.MIN_RADIX + " to " + DigitSerialContract.MAX_RADIX + " (a digit-serial adder); "
                    + "this runtime knows no other radix", MetadataKey.RADIX.key() + " = " + radix);
        }
        return Layout.digitSerial(value);
    }

    private void verifyLastAttributes(NodeProto last) {
        boolean valid = layout == Layout.BINARY ? last.getAttributeCount() == 0
                : last.getAttributeCount() == 1 && last.getAttribute(0).getName().equals("axis")
                        && (last.getAttribute(0).getI() == 2 || last.getAttribute(0).getI() == -1);
        if (!valid) {
            throw violation(layout == Layout.BINARY ? "Sigmoid without attributes" : "Softmax with axis 2 (or -1) only",
                    "attributes " + last.getAttributeList().stream().map(a -> a.getName() + "=" + a.getI()).toList());
        }
    }

    /** Sets {@link #cell} from the recurrent node's operator and attributes; returns its hidden size. */
    private long recurrentAttributes(NodeProto recurrent) {
        String op = recurrent.getOpType();
        Long hidden = null;
        long linearBeforeReset = 0;
        for (AttributeProto attribute : recurrent.getAttributeList()) {
            switch (attribute.getName()) {
                case "hidden_size" -> hidden = attribute.getI();
                case "direction" -> {
                    if (!attribute.getS().toStringUtf8().equals("forward")) {
                        throw violation(op + " direction 'forward'", "'" + attribute.getS().toStringUtf8() + "'");
                    }
                }
                case "linear_before_reset" -> {
                    if (!op.equals("GRU") || attribute.getType() != AttributeProto.AttributeType.INT
                            || (attribute.getI() != 0 && attribute.getI() != 1)) {
                        throw violation("linear_before_reset only on a GRU, an int 0 or 1", op + " with linear_before_reset "
                                + (attribute.getType() == AttributeProto.AttributeType.INT ? attribute.getI()
                                        : "of type " + attribute.getType()));
                    }
                    linearBeforeReset = attribute.getI();
                }
                default -> throw violation(op + " attributes " + (op.equals("GRU")
                        ? "hidden_size, direction and linear_before_reset" : "hidden_size and direction") + " only",
                        "attributes " + attributeNames(recurrent));
            }
        }
        cell = CellType.forOnnxNode(op, linearBeforeReset).orElseThrow();
        if (hidden == null || hidden < 1 || hidden > MAX_HIDDEN_SIZE) {
            throw violation(op + " hidden_size from 1 to " + MAX_HIDDEN_SIZE, hidden == null ? "none" : hidden.toString());
        }
        return hidden;
    }

    private void requireInputs(NodeProto node, int count) {
        if (node.getInputCount() != count || node.getInputList().stream().anyMatch(String::isEmpty)) {
            throw violation(node.getOpType() + " with " + count + " inputs", "inputs " + node.getInputList());
        }
    }

    private void requireSingleOutput(NodeProto node) {
        if (node.getOutputCount() != 1 || node.getOutput(0).isEmpty()) {
            throw violation(node.getOpType() + " with one output", "outputs " + node.getOutputList());
        }
    }

    private void requireChain(NodeProto previous, NodeProto next) {
        if (!next.getInput(0).equals(previous.getOutput(0)) || initializers.containsKey(previous.getOutput(0))) {
            throw violation(next.getOpType() + " to read the output '" + previous.getOutput(0) + "' of "
                    + previous.getOpType(), "it reads '" + next.getInput(0) + "'");
        }
    }

    private TensorProto initializer(NodeProto node, int input) {
        TensorProto tensor = initializers.get(node.getInput(input));
        if (tensor == null) {
            throw violation(node.getOpType() + " input " + input + " to be an initializer",
                    "'" + node.getInput(input) + "', which is not");
        }
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL || tensor.getExternalDataCount() > 0) {
            throw violation("weights stored in the file", "initializer '" + tensor.getName() + "' with external data");
        }
        return tensor;
    }

    private void floatInitializer(NodeProto node, int input, long... shape) {
        TensorProto tensor = initializer(node, input);
        long[] dims = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
        if (tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE || !Arrays.equals(dims, shape)) {
            throw violation(node.getOpType() + " input " + input + " float32 " + Arrays.toString(shape),
                    "initializer '" + tensor.getName() + "' " + typeName(tensor.getDataType()) + " " + Arrays.toString(dims));
        }
        float[] values = ModelWeights.floats(tensor);
        long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (values.length != elements) {
            throw violation(elements + " values in initializer '" + tensor.getName() + "'", values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw violation("finite weights", "initializer '" + tensor.getName() + "' holds " + values[i]
                        + " at index " + i);
            }
        }
    }

    private static long[] longs(TensorProto tensor) {
        if (!tensor.getRawData().isEmpty()) {
            LongBuffer raw = ByteBuffer.wrap(tensor.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN)
                    .asLongBuffer();
            long[] values = new long[raw.remaining()];
            raw.get(values);
            return values;
        }
        return tensor.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
    }

    private void requireMetadata(Map<String, String> metadata, MetadataKey key, String value) {
        String found = metadata.get(key.key());
        if (!value.equals(found)) {
            throw violation("metadata " + key.key() + " = " + value + " (" + key.description() + ")",
                    found == null ? "no such metadata entry" : key.key() + " = " + found);
        }
    }

    private Operator operator(String name) {
        String expected = "metadata " + MetadataKey.OPERATOR.key() + " naming one of "
                + Arrays.stream(Operator.values()).map(Operator::metadataName).toList();
        if (name == null) {
            throw violation(expected, "no such metadata entry");
        }
        try {
            return Operator.fromMetadata(name);
        } catch (IllegalArgumentException e) {
            throw violation(expected, MetadataKey.OPERATOR.key() + " = " + name);
        }
    }

    private static String attributeNames(NodeProto node) {
        return node.getAttributeList().stream().map(AttributeProto::getName).collect(Collectors.toList()).toString();
    }

    private static String typeName(int dataType) {
        TensorProto.DataType type = TensorProto.DataType.forNumber(dataType);
        return type == null ? "unknown type " + dataType : type.name();
    }

    private ModelContractException violation(String expected, String found) {
        return new ModelContractException("model " + source + " does not follow the neural-adder model contract "
                + "version " + ModelContract.VERSION + ": expected " + expected + ", found " + found);
    }
}
