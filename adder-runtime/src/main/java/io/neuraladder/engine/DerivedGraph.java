package io.neuraladder.engine;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * What the graphs the runtime derives from a checked model ({@link PackedGraph} for batches,
 * {@link LogitGraph} for single adds) are built from: the model's weights and ONNX protobuf
 * pieces.
 */
final class DerivedGraph {

    private DerivedGraph() {}

    /** The recurrent operator for {@code cell} on {@code input}, with hidden size {@code hidden}, writing {@code y}. */
    static NodeProto recurrentNode(CellType cell, String input, int hidden) {
        return recurrentNode(cell, List.of(input, "W", "R", "B"), "y", hidden);
    }

    /**
     * The recurrent operator for {@code cell} on {@code inputs} (X, W, R, B), writing {@code output}:
     * {@code hidden_size}, and {@code linear_before_reset = 1} for the cell that has it.
     */
    static NodeProto recurrentNode(CellType cell, List<String> inputs, String output, int hidden) {
        NodeProto.Builder node = node(cell.onnxOperator(), inputs, output).toBuilder()
                .addAttribute(AttributeProto.newBuilder().setName("hidden_size")
                        .setType(AttributeProto.AttributeType.INT).setI(hidden));
        if (cell.linearBeforeReset()) {
            node.addAttribute(AttributeProto.newBuilder().setName("linear_before_reset")
                    .setType(AttributeProto.AttributeType.INT).setI(1));
        }
        return node.build();
    }

    static ModelProto model(GraphProto graph) {
        return ModelProto.newBuilder()
                .setIrVersion(7)
                .setProducerName("neural-adder-runtime")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(14))
                .setGraph(graph)
                .build();
    }

    static NodeProto node(String opType, List<String> inputs, String output) {
        return NodeProto.newBuilder().setOpType(opType).setName(output + "_node").addAllInput(inputs).addOutput(output)
                .build();
    }

    static ValueInfoProto value(String name, int features) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(ModelContract.STEPS_DIMENSION))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(ModelContract.BATCH_DIMENSION))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(features))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    static TensorProto floats(String name, float[] values, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            tensor.addDims(d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor.setRawData(ByteString.copyFrom(raw.array())).build();
    }

    static TensorProto longs(String name, long... values) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length);
        for (long v : values) {
            tensor.addInt64Data(v);
        }
        return tensor.build();
    }
}
