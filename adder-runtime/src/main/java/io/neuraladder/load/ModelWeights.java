package io.neuraladder.load;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked model's weights in ONNX's layout, read once from the bytes ONNX Runtime will read: the
 * recurrent operator's {@code W}, {@code R} and {@code B}, and the output layer's {@code [H, K]}
 * weights and {@code [K]} biases ({@code K = 1} for a binary model). The certificate is checked
 * against them, and the runtime's derived graphs are built from them.
 */
public record ModelWeights(float[] w, float[] r, float[] b, float[] denseW, float[] denseB) {

    /** Reads them from a model that passed {@code StructureCheck}, whose nodes are in its order. */
    static ModelWeights of(ModelProto model) {
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        List<NodeProto> nodes = graph.getNodeList();
        return new ModelWeights(
                floats(initializers.get(nodes.get(0).getInput(1))),
                floats(initializers.get(nodes.get(0).getInput(2))),
                floats(initializers.get(nodes.get(0).getInput(3))),
                floats(initializers.get(nodes.get(2).getInput(1))),
                floats(initializers.get(nodes.get(3).getInput(1))));
    }

    /** The hidden size {@code H}. */
    public int hidden() {
        return denseW.length / denseB.length;
    }

    /** A float tensor's values, raw (little-endian) or listed. */
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
