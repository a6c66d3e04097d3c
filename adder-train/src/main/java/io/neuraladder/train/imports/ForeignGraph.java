package io.neuraladder.train.imports;

import org.nd4j.shade.protobuf.InvalidProtocolBufferException;
import io.neuraladder.train.CellWeights;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * An ONNX graph as another exporter wrote it, with the lookups the importer needs: constant
 * tensors (initializers and {@code Constant} nodes alike), which node writes a tensor and which
 * nodes read it, whatever the tensors are named.
 */
final class ForeignGraph {

    private final String source;
    private final ModelProto model;
    private final GraphProto graph;
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();

    private ForeignGraph(String source, ModelProto model) {
        this.source = source;
        this.model = model;
        this.graph = model.getGraph();
        graph.getInitializerList().forEach(tensor -> constants.put(tensor.getName(), tensor));
        for (NodeProto node : graph.getNodeList()) {
            node.getOutputList().forEach(output -> producers.put(output, node));
            node.getInputList().stream().filter(input -> !input.isEmpty()).distinct()
                    .forEach(input -> consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(node));
            if (node.getOpType().equals("Constant") && node.getOutputCount() == 1) {
                constantValue(node).ifPresent(tensor -> constants.put(node.getOutput(0), tensor));
            }
        }
    }

    /** Parses {@code bytes}; refuses anything that is not an ONNX model with a graph. */
    static ForeignGraph parse(byte[] bytes, String source) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ImportRefusedException(source + " is not an ONNX file (protobuf: " + e.getMessage() + ")", e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0 || model.getOpsetImportCount() == 0) {
            throw new ImportRefusedException(source + " is not an ONNX model: it has no graph nodes or no opset import ("
                    + bytes.length + " bytes)");
        }
        return new ForeignGraph(source, model);
    }

    String source() {
        return source;
    }

    ModelProto model() {
        return model;
    }

    GraphProto graph() {
        return graph;
    }

    /** The node that writes {@code tensor}, if a node does (graph inputs and initializers have none). */
    Optional<NodeProto> producer(String tensor) {
        return Optional.ofNullable(producers.get(tensor));
    }

    /** The nodes that read {@code tensor}'s values: every reader but {@code Shape} and {@code Size}, which read only its shape. */
    List<NodeProto> consumers(String tensor) {
        return consumers.getOrDefault(tensor, List.of()).stream()
                .filter(node -> !node.getOpType().equals("Shape") && !node.getOpType().equals("Size")).toList();
    }

    /** The constant value of {@code tensor}, if it is an initializer or written by a {@code Constant} node. */
    Optional<TensorProto> constant(String tensor) {
        return Optional.ofNullable(constants.get(tensor));
    }

    /** The graph's inputs that are not initializers (older exporters list initializers as inputs too). */
    List<String> dataInputs() {
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(tensor -> initializers.add(tensor.getName()));
        return graph.getInputList().stream().map(v -> v.getName()).filter(name -> !initializers.contains(name)).toList();
    }

    /** The constant {@code tensor} as floats, refused by name when it is missing or not float32. */
    float[] floats(String tensor, String role) {
        TensorProto value = constant(tensor).orElseThrow(() -> new ImportRefusedException(source + ": the " + role
                + " '" + tensor + "' is not a constant (an initializer or a Constant node)"));
        if (value.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new ImportRefusedException(source + ": the " + role + " '" + tensor + "' is "
                    + TensorProto.DataType.forNumber(value.getDataType()) + "; the importer reads float32 weights");
        }
        float[] values = CellWeights.floats(value);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ImportRefusedException(source + ": the " + role + " '" + tensor + "' holds " + values[i]
                        + " at index " + i);
            }
        }
        return values;
    }

    /** The dimensions of constant {@code tensor}. */
    long[] dims(String tensor) {
        return constant(tensor).map(t -> t.getDimsList().stream().mapToLong(Long::longValue).toArray())
                .orElse(new long[0]);
    }

    /** The constant {@code tensor} as int64 values, if it is an int64 constant. */
    Optional<long[]> longs(String tensor) {
        return constant(tensor).filter(t -> t.getDataType() == TensorProto.DataType.INT64_VALUE).map(t -> {
            if (!t.getRawData().isEmpty()) {
                long[] values = new long[t.getRawData().size() / Long.BYTES];
                ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
                return values;
            }
            return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
        });
    }

    /** The attribute {@code name} of {@code node}, if set. */
    static Optional<AttributeProto> attribute(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    /** How a node is named in messages: its operator and name (or its first output when unnamed). */
    static String describe(NodeProto node) {
        return node.getOpType() + " '" + (node.getName().isEmpty() ? node.getOutput(0) : node.getName()) + "'";
    }

    private static Optional<TensorProto> constantValue(NodeProto constant) {
        for (AttributeProto attribute : constant.getAttributeList()) {
            switch (attribute.getName()) {
                case "value" -> {
                    return Optional.of(attribute.getT());
                }
                case "value_ints" -> {
                    return Optional.of(TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE)
                            .addDims(attribute.getIntsCount()).addAllInt64Data(attribute.getIntsList()).build());
                }
                case "value_int" -> {
                    return Optional.of(TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE)
                            .addInt64Data(attribute.getI()).build());
                }
                case "value_float" -> {
                    return Optional.of(TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE)
                            .addFloatData(attribute.getF()).build());
                }
                default -> {
                    // another kind of constant (strings, sparse): not a weight the importer reads
                }
            }
        }
        return Optional.empty();
    }
}
