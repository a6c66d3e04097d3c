package io.neuraladder.train.certify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.LstmWeights;
import io.neuraladder.train.ShippedModelFiles;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests the certificate's margin: one LSTM step run by ONNX Runtime (float32) from many states,
 * observed and arbitrary, differs from the certifier's double-precision step by far less than
 * {@link CarryCertifier#STATE_MARGIN}.
 */
class FloatMarginTest {

    private static final int STATES = 4096;

    static List<Path> shippedModels() {
        return ShippedModelFiles.all();
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void oneOnnxRuntimeStep_staysWithinTheStateMargin_ofTheDoubleStep(Path model) throws Exception {
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        LstmWeights weights = LstmWeights.fromModel(proto, model.toString());
        int hidden = weights.hidden();
        LstmCell cell = new LstmCell(weights);
        Random random = new Random(7);

        float[] x = new float[STATES * 2];
        float[] h0 = new float[STATES * hidden];
        float[] c0 = new float[STATES * hidden];
        double[][] h = new double[STATES][hidden];
        double[][] c = new double[STATES][hidden];
        for (int n = 0; n < STATES; n++) {
            x[2 * n] = random.nextInt(2);
            x[2 * n + 1] = random.nextInt(2);
            if (n % 2 == 0) {
                // An observed state: the cell run from zero on a random prefix.
                for (int t = 0, length = random.nextInt(64); t < length; t++) {
                    cell.step(h[n], c[n], random.nextInt(2), random.nextInt(2));
                }
            } else {
                // An arbitrary state, corners included.
                for (int j = 0; j < hidden; j++) {
                    h[n][j] = random.nextBoolean() ? Math.signum(random.nextGaussian()) : 2 * random.nextDouble() - 1;
                    c[n][j] = 3 * (2 * random.nextDouble() - 1);
                }
            }
            for (int j = 0; j < hidden; j++) {
                h[n][j] = (float) h[n][j];
                c[n][j] = (float) c[n][j];
                h0[n * hidden + j] = (float) h[n][j];
                c0[n * hidden + j] = (float) c[n][j];
            }
        }

        float[][] onnx = oneStep(proto, hidden, x, h0, c0);
        double worst = 0;
        for (int n = 0; n < STATES; n++) {
            cell.step(h[n], c[n], (int) x[2 * n], (int) x[2 * n + 1]);
            for (int j = 0; j < hidden; j++) {
                worst = Math.max(worst, Math.abs(onnx[0][n * hidden + j] - h[n][j]));
                worst = Math.max(worst, Math.abs(onnx[1][n * hidden + j] - c[n][j]));
            }
        }
        System.out.printf("%s: max |ONNX Runtime float32 step - double step| = %.3g over %d states%n", model, worst,
                STATES);
        assertTrue(worst < CarryCertifier.STATE_MARGIN / 10, "worst difference " + worst);
    }

    /** Runs the model's LSTM node for one step from given states; returns {h', c'}. */
    private static float[][] oneStep(ModelProto model, int hidden, float[] x, float[] h0, float[] c0) throws Exception {
        NodeProto lstm = model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("LSTM"))
                .findFirst().orElseThrow();
        ModelProto.Builder step = model.toBuilder();
        step.getGraphBuilder().clearNode().clearInput().clearOutput()
                .addInput(floatValue(ModelContract.INPUT_NAME, 1, STATES, 2))
                .addInput(floatValue("initial_h", 1, STATES, hidden))
                .addInput(floatValue("initial_c", 1, STATES, hidden))
                .addNode(lstm.toBuilder().clearOutput().addOutput("y").addOutput("y_h").addOutput("y_c")
                        .addInput("").addInput("initial_h").addInput("initial_c"))
                .addOutput(floatValue("y_h", 1, STATES, hidden))
                .addOutput(floatValue("y_c", 1, STATES, hidden));
        step.getGraphBuilder().getNodeBuilder(0).clearInput().addAllInput(List.of(ModelContract.INPUT_NAME,
                lstm.getInput(1), lstm.getInput(2), lstm.getInput(3), "", "initial_h", "initial_c"));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(step.build().toByteArray());
                OnnxTensor xt = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, STATES, 2});
                OnnxTensor ht = OnnxTensor.createTensor(env, FloatBuffer.wrap(h0), new long[] {1, STATES, hidden});
                OnnxTensor ct = OnnxTensor.createTensor(env, FloatBuffer.wrap(c0), new long[] {1, STATES, hidden});
                OrtSession.Result result = session.run(Map.of(ModelContract.INPUT_NAME, xt, "initial_h", ht,
                        "initial_c", ct))) {
            return new float[][] {floats((OnnxTensor) result.get("y_h").orElseThrow()),
                    floats((OnnxTensor) result.get("y_c").orElseThrow())};
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
