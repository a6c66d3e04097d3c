package io.neuraladder.train.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.export.OnnxExport;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.junit.jupiter.api.Test;

/**
 * Graphs shaped as the Keras converters write a Keras {@code LSTM(return_sequences=True)} with a
 * {@code Dense(1, activation="sigmoid")} (keras2onnx, and tf2onnx where it keeps the LSTM node):
 * batch-major input through {@code Transpose [1, 0, 2]}, the LSTM with its biases and no initial
 * state, {@code Squeeze} with an {@code axes} attribute (opset 11), {@code Transpose} back, the
 * dense layer as {@code MatMul} and {@code Add}, a {@code Sigmoid}. Built here with random weights,
 * since TensorFlow cannot be installed on this machine; the written file must compute what the
 * source computes in ONNX Runtime. A converter's {@code Loop} in place of the LSTM is refused by name.
 */
class KerasShapedGraphTest {

    private static final int HIDDEN = 5;
    private static final int STEPS = 12;
    private static final int BATCH = 64;

    @Test
    void aKerasShapedLstm_isRead_andTheWrittenFileComputesWhatItComputes() throws Exception {
        byte[] source = kerasShapedLstm(new SplittableRandom(11)).toByteArray();
        ImportedAdder adder = ForeignAdderReader.read(source, "keras-lstm.onnx");
        assertEquals(CellType.LSTM, adder.weights().cell());
        assertTrue(adder.batchFirst());
        assertEquals("sigmoid", adder.head());
        byte[] written = OnnxExport.toModel(adder.weights(), Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, "add")).toByteArray();
        SplittableRandom random = new SplittableRandom(12);
        float[] batchMajor = new float[BATCH * STEPS * 2];
        for (int i = 0; i < batchMajor.length; i++) {
            batchMajor[i] = random.nextInt(2);
        }
        float[] timeMajor = new float[batchMajor.length];
        for (int item = 0; item < BATCH; item++) {
            for (int t = 0; t < STEPS; t++) {
                for (int k = 0; k < 2; k++) {
                    timeMajor[(t * BATCH + item) * 2 + k] = batchMajor[(item * STEPS + t) * 2 + k];
                }
            }
        }
        float[] expected = run(source, batchMajor, new long[] {BATCH, STEPS, 2});
        float[] actual = run(written, timeMajor, new long[] {STEPS, BATCH, 2});
        for (int item = 0; item < BATCH; item++) {
            for (int t = 0; t < STEPS; t++) {
                assertEquals(expected[item * STEPS + t], actual[t * BATCH + item], 1e-5,
                        "step " + t + " of item " + item);
            }
        }
    }

    @Test
    void aConvertersLoopInPlaceOfTheLstm_isRefusedNamingTheOperators() {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("loop").addInput(value("x", 0, 0, 2))
                .addOutput(value("y", 0, 0, 1))
                .addNode(NodeProto.newBuilder().setOpType("Loop").setName("lstm/while").addInput("").addInput("")
                        .addInput("x").addOutput("y"));
        byte[] loop = model(graph).toByteArray();
        ImportRefusedException refused = assertThrows(ImportRefusedException.class,
                () -> ForeignAdderReader.read(loop, "tf2onnx-loop.onnx"));
        assertTrue(refused.getMessage().contains("no LSTM, GRU or RNN node") && refused.getMessage().contains("Loop"),
                refused.getMessage());
    }

    private static ModelProto kerasShapedLstm(SplittableRandom random) {
        int rows = 4 * HIDDEN;
        GraphProto.Builder graph = GraphProto.newBuilder().setName("keras_lstm")
                .addInput(value("input_1", 0, 0, 2)).addOutput(value("dense", 0, 0, 1))
                .addInitializer(tensor("lstm_W", random, 1, rows, 2))
                .addInitializer(tensor("lstm_R", random, 1, rows, HIDDEN))
                .addInitializer(tensor("lstm_B", random, 1, 2 * rows))
                .addInitializer(tensor("dense/kernel:0", random, HIDDEN, 1))
                .addInitializer(tensor("dense/bias:0", random, 1))
                .addNode(node("Transpose", List.of("input_1"), "lstm_X", ints("perm", 1, 0, 2)))
                .addNode(node("LSTM", List.of("lstm_X", "lstm_W", "lstm_R", "lstm_B"), "lstm_Y",
                        AttributeProto.newBuilder().setName("hidden_size").setType(AttributeProto.AttributeType.INT)
                                .setI(HIDDEN).build()))
                .addNode(node("Squeeze", List.of("lstm_Y"), "lstm_squeezed", ints("axes", 1)))
                .addNode(node("Transpose", List.of("lstm_squeezed"), "lstm", ints("perm", 1, 0, 2)))
                .addNode(node("MatMul", List.of("lstm", "dense/kernel:0"), "dense_product"))
                .addNode(node("Add", List.of("dense_product", "dense/bias:0"), "dense_logit"))
                .addNode(node("Sigmoid", List.of("dense_logit"), "dense"));
        return model(graph);
    }

    private static ModelProto model(GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(6).setProducerName("keras2onnx").setProducerVersion("1.7.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(11)).setGraph(graph).build();
    }

    private static NodeProto node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        return NodeProto.newBuilder().setOpType(op).setName(output).addAllInput(inputs).addOutput(output)
                .addAllAttribute(List.of(attributes)).build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    private static TensorProto tensor(String name, SplittableRandom random, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long size = 1;
        for (long dim : dims) {
            tensor.addDims(dim);
            size *= dim;
        }
        for (long i = 0; i < size; i++) {
            tensor.addFloatData((float) (2 * random.nextDouble() - 1));
        }
        return tensor.build();
    }

    /** A float tensor value of rank 3; a dimension of 0 is left symbolic. */
    private static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (int i = 0; i < dims.length; i++) {
            shape.addDim(dims[i] == 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("d" + i)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dims[i]));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static float[] run(byte[] model, float[] input, long[] shape) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model);
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }
}
