package io.neuraladder.train.export;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * Builds one ONNX graph, once: typed inputs and outputs with symbolic dimensions, initializers
 * from Java arrays, and nodes whose inputs must already exist in this graph. Generated names are
 * unique; every operator is checked against {@link OnnxOperator} as it is added.
 */
final class OnnxGraphBuilder {

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private int generated;
    private boolean built;

    OnnxGraphBuilder(String name) {
        graph.setName(name);
    }

    /** Declares a float input; each dimension is a symbolic name (String) or a size (Number). */
    String floatInput(String name, Object... dimensions) {
        graph.addInput(valueInfo(claim(name), dimensions));
        return name;
    }

    /** Declares {@code producer}'s value as a float output of the graph under the name {@code name}. */
    void floatOutput(String name, Object... dimensions) {
        requireKnown(name);
        graph.addOutput(valueInfo(name, dimensions));
    }

    /** Adds a float32 initializer of the given shape; returns its generated name. */
    String floatInitializer(String hint, float[] values, long... shape) {
        requireElements(hint, values.length, shape);
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(fresh(hint))
                .setDataType(TensorProto.DataType.FLOAT_VALUE);
        Arrays.stream(shape).forEach(tensor::addDims);
        for (float value : values) {
            tensor.addFloatData(value);
        }
        graph.addInitializer(tensor);
        return tensor.getName();
    }

    /** Adds an int64 initializer of the given shape; returns its generated name. */
    String longInitializer(String hint, long[] values, long... shape) {
        requireElements(hint, values.length, shape);
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(fresh(hint))
                .setDataType(TensorProto.DataType.INT64_VALUE);
        Arrays.stream(shape).forEach(tensor::addDims);
        Arrays.stream(values).forEach(tensor::addInt64Data);
        graph.addInitializer(tensor);
        return tensor.getName();
    }

    /** Adds a node with one output, named {@code outputName} or generated when null; returns it. */
    String node(OnnxOperator operator, String outputName, List<String> inputs, AttributeProto... attributes) {
        operator.checkArity(inputs.size(), 1);
        inputs.forEach(this::requireKnown);
        String output = outputName == null ? fresh(operator.opType().toLowerCase()) : claim(outputName);
        graph.addNode(NodeProto.newBuilder()
                .setName(fresh(operator.opType() + "_node"))
                .setOpType(operator.opType())
                .addAllInput(inputs)
                .addOutput(output)
                .addAllAttribute(List.of(attributes)));
        return output;
    }

    /** The finished graph. A builder builds one graph only. */
    GraphProto build() {
        if (built) {
            throw new IllegalStateException("graph " + graph.getName() + " was already built; use a new builder");
        }
        built = true;
        return graph.build();
    }

    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto stringAttribute(String name, String value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.STRING)
                .setS(org.nd4j.shade.protobuf.ByteString.copyFromUtf8(value))
                .build();
    }

    private ValueInfoProto valueInfo(String name, Object... dimensions) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dimension : dimensions) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (dimension instanceof String symbol) {
                dim.setDimParam(symbol);
            } else if (dimension instanceof Number size) {
                dim.setDimValue(size.longValue());
            } else {
                throw new IllegalArgumentException("dimension of " + name + " must be a String or a Number, got "
                        + dimension);
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape)))
                .build();
    }

    private String claim(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the name '" + name + "' is already used in graph " + graph.getName());
        }
        return name;
    }

    private String fresh(String hint) {
        String name;
        do {
            name = hint + "_" + generated++;
        } while (names.contains(name));
        return claim(name);
    }

    private void requireKnown(String name) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a value of graph " + graph.getName()
                    + "; values from other graphs cannot be used");
        }
    }

    private static void requireElements(String hint, int elements, long... shape) {
        long expected = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (expected != elements) {
            throw new IllegalArgumentException("initializer " + hint + " has " + elements + " values but shape "
                    + Arrays.toString(shape) + " needs " + expected);
        }
    }
}
