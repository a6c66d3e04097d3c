package io.neuraladder.train.certify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * One step of a model's recurrent node in ONNX Runtime, from chosen states: the float32 truth the
 * proofs assume. The model is a file, or a graph the runtime derives from one and serves with.
 */
final class OnnxStep {

    private OnnxStep() {}

    /**
     * Runs the model's recurrent node, as ONNX Runtime's float32 kernel, for one step from
     * {@code states} given states: inputs {@code x} [states × features], {@code h0} and, for an
     * LSTM, {@code c0} [states × hidden] ({@code null} for other cells). Returns {h', c'} ({h'}
     * without c).
     */
    static float[][] run(ModelProto model, int states, float[] x, float[] h0, float[] c0) throws Exception {
        int features = x.length / states;
        int hidden = h0.length / states;
        boolean lstm = c0 != null;
        NodeProto recurrent = model.getGraph().getNodeList().stream()
                .filter(node -> List.of("RNN", "GRU", "LSTM").contains(node.getOpType())).findFirst().orElseThrow();
        String inputName = recurrent.getInput(0);
        List<String> inputs = new ArrayList<>(List.of(inputName, recurrent.getInput(1),
                recurrent.getInput(2), recurrent.getInput(3), "", "initial_h"));
        NodeProto.Builder node = recurrent.toBuilder().clearOutput().addOutput("y").addOutput("y_h");
        ModelProto.Builder step = model.toBuilder();
        step.getGraphBuilder().clearNode().clearInput().clearOutput()
                .addInput(floatValue(inputName, 1, states, features))
                .addInput(floatValue("initial_h", 1, states, hidden))
                .addOutput(floatValue("y_h", 1, states, hidden));
        if (lstm) {
            inputs.add("initial_c");
            node.addOutput("y_c");
            step.getGraphBuilder().addInput(floatValue("initial_c", 1, states, hidden))
                    .addOutput(floatValue("y_c", 1, states, hidden));
        }
        step.getGraphBuilder().addNode(node.clearInput().addAllInput(inputs)).clearInitializer()
                .addAllInitializer(model.getGraph().getInitializerList().stream()
                        .filter(tensor -> inputs.contains(tensor.getName())).toList());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor xt = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, states, features});
                OnnxTensor ht = OnnxTensor.createTensor(env, FloatBuffer.wrap(h0), new long[] {1, states, hidden});
                OnnxTensor ct = OnnxTensor.createTensor(env, FloatBuffer.wrap(lstm ? c0 : new float[h0.length]), new long[] {1, states, hidden});
                OrtSession session = env.createSession(step.build().toByteArray())) {
            Map<String, OnnxTensor> feeds = new HashMap<>(Map.of(inputName, xt, "initial_h", ht));
            if (lstm) {
                feeds.put("initial_c", ct);
            }
            try (OrtSession.Result result = session.run(feeds)) {
                float[] h = floats((OnnxTensor) result.get("y_h").orElseThrow());
                return lstm ? new float[][] {h, floats((OnnxTensor) result.get("y_c").orElseThrow())} : new float[][] {h};
            }
        }
    }

    private static float[] floats(OnnxTensor tensor) {
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private static ValueInfoProto floatValue(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
