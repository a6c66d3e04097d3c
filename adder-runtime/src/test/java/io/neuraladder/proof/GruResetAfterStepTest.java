package io.neuraladder.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.CellType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernel's step of PyTorch's GRU ({@code linear_before_reset = 1}): against ONNX Runtime's own
 * GRU operator from the same states, and, over small boxes, against the step computed with exact
 * decimal arithmetic at sampled points. A deliberately wrong transfer (the weights read with
 * {@code linear_before_reset = 0}'s equations) is caught by the same check, so the check can fail.
 */
class GruResetAfterStepTest {

    private static final int HIDDEN = 4;
    private static final long SEED = 2028;
    private static final MathContext EXACT = MathContext.DECIMAL128;

    private final CellParameters weights = randomWeights(CellType.GRU_LINEAR_BEFORE_RESET, new SplittableRandom(SEED));

    @Test
    void theKernelsStep_boundsOnnxRuntimesGruStep_fromTheSameStates() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int batch = 256;
        float[] states = new float[batch * HIDDEN];
        float[] bits = new float[batch * 2];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < HIDDEN; j++) {
                states[i * HIDDEN + j] = (float) (2 * random.nextDouble() - 1);
            }
            bits[2 * i] = random.nextInt(2);
            bits[2 * i + 1] = random.nextInt(2);
        }
        float[] next = runOnnxRuntime(weights, states, bits, batch);
        IntervalStep step = new IntervalStep(weights);
        double worst = 0;
        for (int i = 0; i < batch; i++) {
            double[] h = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                h[j] = states[i * HIDDEN + j];
            }
            double[][] bounds = image(step, h, h, (int) bits[2 * i] * 2 + (int) bits[2 * i + 1]);
            for (int j = 0; j < HIDDEN; j++) {
                float onnx = next[i * HIDDEN + j];
                assertTrue(bounds[1][j] - bounds[0][j] < 1e-12, "a point's bounds are tight");
                worst = Math.max(worst, Math.max(bounds[0][j] - onnx, onnx - bounds[1][j]));
            }
        }
        assertTrue(worst < 1e-5, "ONNX Runtime's float32 step lies within 1e-5 of the kernel's bounds (the state "
                + "margin is 1e-4), worst outside by " + worst);
    }

    @Test
    void theKernelsBounds_holdTheExactStep_atSampledPointsOfSmallBoxes() {
        assertEquals(0, escapes(new IntervalStep(weights), weights), "no exact step leaves the kernel's bounds");
    }

    @Test
    void theSameCheck_catchesTheOtherGrusEquations() {
        CellParameters misread = new CellParameters(CellType.GRU, HIDDEN, 2, 1, weights.w(), weights.r(), weights.b(),
                weights.outputWeights(), weights.outputBias());
        assertTrue(escapes(new IntervalStep(misread), weights) > 0,
                "linear_before_reset = 0's bounds do not hold PyTorch's GRU, and the check says so");
    }

    /** Sampled points (corners and inside) of boxes around random states whose exact step leaves the bounds. */
    private static int escapes(IntervalStep step, CellParameters truth) {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        int escapes = 0;
        for (int box = 0; box < 200; box++) {
            double[] low = new double[HIDDEN];
            double[] high = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double center = 1.6 * random.nextDouble() - 0.8;
                double radius = 0.1 * random.nextDouble();
                low[j] = center - radius;
                high[j] = center + radius;
            }
            int pair = random.nextInt(4);
            double[][] bounds = image(step, low, high, pair);
            for (int sample = 0; sample < 40; sample++) {
                double[] h = new double[HIDDEN];
                for (int j = 0; j < HIDDEN; j++) {
                    h[j] = sample < 16 ? ((sample >> (j % 4)) & 1) == 0 ? low[j] : high[j]
                            : low[j] + random.nextDouble() * (high[j] - low[j]);
                }
                double[] exact = exactStep(truth, h, pair / 2, pair % 2);
                for (int j = 0; j < HIDDEN; j++) {
                    if (exact[j] < bounds[0][j] - 1e-12 || exact[j] > bounds[1][j] + 1e-12) {
                        escapes++;
                    }
                }
            }
        }
        return escapes;
    }

    private static double[][] image(IntervalStep step, double[] low, double[] high, int pair) {
        double[] recurrentLow = new double[step.rows()];
        double[] recurrentHigh = new double[step.rows()];
        step.recurrentTerms(low, high, recurrentLow, recurrentHigh);
        double[] nextLow = new double[HIDDEN];
        double[] nextHigh = new double[HIDDEN];
        step.image(low, high, recurrentLow, recurrentHigh, pair, nextLow, nextHigh);
        return new double[][] {nextLow, nextHigh};
    }

    /**
     * PyTorch's GRU step with every sum and product exact ({@link BigDecimal}); σ and tanh from
     * {@link Math#exp} and {@link Math#tanh} (within an ulp, far inside the check's 1e-12).
     */
    private static double[] exactStep(CellParameters p, double[] h, int a, int b) {
        double[] next = new double[HIDDEN];
        for (int j = 0; j < HIDDEN; j++) {
            double z = sigmoid(affine(p, p.row(0, j), h, a, b, true));
            double r = sigmoid(affine(p, p.row(1, j), h, a, b, true));
            int candidate = p.row(2, j);
            BigDecimal recurrent = dot(p, candidate, h).add(new BigDecimal(p.b()[p.r().length / HIDDEN + candidate]));
            BigDecimal input = new BigDecimal(p.b()[candidate]).add(new BigDecimal(p.w()[candidate * 2] * a))
                    .add(new BigDecimal(p.w()[candidate * 2 + 1] * b));
            double u = Math.tanh(input.add(new BigDecimal(r).multiply(recurrent, EXACT)).doubleValue());
            next[j] = new BigDecimal(1 - z).multiply(new BigDecimal(u)).add(new BigDecimal(z).multiply(new BigDecimal(h[j])))
                    .doubleValue();
        }
        return next;
    }

    private static double affine(CellParameters p, int row, double[] h, int a, int b, boolean withRecurrentBias) {
        int rows = p.r().length / HIDDEN;
        BigDecimal sum = dot(p, row, h).add(new BigDecimal(p.b()[row])).add(new BigDecimal(p.w()[row * 2] * a))
                .add(new BigDecimal(p.w()[row * 2 + 1] * b));
        return (withRecurrentBias ? sum.add(new BigDecimal(p.b()[rows + row])) : sum).doubleValue();
    }

    private static BigDecimal dot(CellParameters p, int row, double[] h) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < HIDDEN; k++) {
            sum = sum.add(new BigDecimal(p.r()[row * HIDDEN + k]).multiply(new BigDecimal(h[k])));
        }
        return sum;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static CellParameters randomWeights(CellType cell, SplittableRandom random) {
        int rows = 3 * HIDDEN;
        float[] w = new float[rows * 2];
        float[] r = new float[rows * HIDDEN];
        float[] b = new float[2 * rows];
        for (float[] values : new float[][] {w, r, b}) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (3 * random.nextDouble() - 1.5);
            }
        }
        return new CellParameters(cell, HIDDEN, 2, 1, w, r, b, new float[HIDDEN], new float[1]);
    }

    /** One step of ONNX Runtime's GRU with linear_before_reset = 1 from {@code states} on {@code bits}. */
    private static float[] runOnnxRuntime(CellParameters p, float[] states, float[] bits, int batch) throws Exception {
        int rows = 3 * HIDDEN;
        GraphProto graph = GraphProto.newBuilder().setName("gru_step")
                .addInput(value("x", 1, batch, 2)).addInput(value("h0", 1, batch, HIDDEN))
                .addOutput(value("h1", 1, batch, HIDDEN))
                .addInitializer(tensor("W", p.w(), 1, rows, 2)).addInitializer(tensor("R", p.r(), 1, rows, HIDDEN))
                .addInitializer(tensor("B", p.b(), 1, 2 * rows))
                .addNode(NodeProto.newBuilder().setOpType("GRU").addInput("x").addInput("W").addInput("R").addInput("B")
                        .addInput("").addInput("h0").addOutput("y").addOutput("h1")
                        .addAttribute(AttributeProto.newBuilder().setName("hidden_size")
                                .setType(AttributeProto.AttributeType.INT).setI(HIDDEN))
                        .addAttribute(AttributeProto.newBuilder().setName("linear_before_reset")
                                .setType(AttributeProto.AttributeType.INT).setI(1)))
                .build();
        byte[] model = ModelProto.newBuilder().setIrVersion(7)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(14)).setGraph(graph).build()
                .toByteArray();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model);
                OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(bits), new long[] {1, batch, 2});
                OnnxTensor h0 = OnnxTensor.createTensor(env, FloatBuffer.wrap(states), new long[] {1, batch, HIDDEN});
                OrtSession.Result result = session.run(Map.of("x", x, "h0", h0))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }

    private static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static TensorProto tensor(String name, float[] values, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        for (float value : values) {
            tensor.addFloatData(value);
        }
        return tensor.build();
    }
}
