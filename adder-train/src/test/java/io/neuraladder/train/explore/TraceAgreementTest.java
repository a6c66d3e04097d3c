package io.neuraladder.train.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import io.neuraladder.train.ShippedModelFiles;
import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The explorer's states are the model's: for every shipped model (each cell type, binary and
 * digit-serial; digit strings are read in the model's radix), each traced step's hidden state equals ONNX Runtime's own hidden-state output {@code Y}
 * of the model's recurrent node to 1e-5, an LSTM's last memory equals {@code Y_c}, and the sum is
 * {@code Math.addExact}'s (or the overflow it reports), on uniform, edge and carry-heavy pairs.
 */
class TraceAgreementTest {

    private static final double TOLERANCE = 1e-5;
    private static final long SEED = 20261202L;

    private static ModelCatalog catalog;

    @BeforeAll
    static void openModels() {
        catalog = ModelCatalog.open(ShippedModelFiles.all());
    }

    @AfterAll
    static void closeModels() {
        catalog.close();
    }

    static Stream<Path> shippedModels() {
        return ShippedModelFiles.all().stream();
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void everyTracedStateIsOnnxRuntimesHiddenState(Path file) throws Exception {
        ExploredModel model = catalog.get(file.getFileName().toString());
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(file));
        boolean subtract = ShippedModelFiles.operator(file) == Operator.SUBTRACT;
        try (HiddenStates states = new HiddenStates(proto)) {
            if (model.isDecimal()) {
                int radix = model.view().radix();
                for (String[] pair : decimalPairs()) {
                    Trace trace = model.trace(pair[0], pair[1], null);
                    BigInteger a = new BigInteger(pair[0], radix);
                    BigInteger b = new BigInteger(pair[1], radix);
                    assertEquals((subtract ? a.subtract(b) : a.add(b)).toString(radix), trace.sum(), "in radix " + radix);
                    assertTrue(trace.traceAgrees(), pair[0] + " and " + pair[1]);
                    assertAgrees(trace, states.decimal(pair[0], pair[1]), file);
                }
            } else {
                IntPairs ints = samples();
                for (int n = 0; n < ints.size(); n++) {
                    int a = ints.a()[n];
                    int b = ints.b()[n];
                    Trace trace = model.trace(Integer.toString(a), Integer.toString(b), "int");
                    assertIntResult(a, b, subtract, trace);
                    assertAgrees(trace, states.binary(a, b, Integer.SIZE), file);
                }
                for (long[] pair : new long[][] {{-1, 1}, {Long.MAX_VALUE, 1}, {Long.MIN_VALUE, -1},
                        {0x5555_5555_5555_5555L, 0x2AAA_AAAA_AAAA_AAABL}, {123_456_789_012L, -987_654_321L}}) {
                    Trace trace = model.trace(Long.toString(pair[0]), Long.toString(pair[1]), "long");
                    assertLongResult(pair[0], pair[1], subtract, trace);
                    assertAgrees(trace, states.binary(pair[0], pair[1], Long.SIZE), file);
                }
            }
        }
    }

    private static IntPairs samples() {
        SplittableRandom random = new SplittableRandom(SEED);
        return OperandSamples.edgePairs().slice(0, 40).concat(OperandSamples.uniform(random, 20))
                .concat(OperandSamples.chainHeavy(random, 20));
    }

    private static List<String[]> decimalPairs() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String[]> pairs = new ArrayList<>(List.of(new String[] {"535", "61"}, new String[] {"0", "0"},
                new String[] {"9".repeat(40), "1"}, new String[] {"0019", "0981"}));
        for (int n = 0; n < 10; n++) {
            pairs.add(new String[] {digits(random, 1 + random.nextInt(30)), digits(random, 1 + random.nextInt(30))});
        }
        return pairs;
    }

    private static String digits(SplittableRandom random, int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static void assertIntResult(int a, int b, boolean subtract, Trace trace) {
        assertEquals(Integer.toString(subtract ? a - b : a + b), trace.sum(), a + " and " + b);
        try {
            int exact = subtract ? Math.subtractExact(a, b) : Math.addExact(a, b);
            assertEquals(Integer.toString(exact), trace.sum());
            assertNull(trace.overflow(), a + " and " + b);
        } catch (ArithmeticException e) {
            assertEquals(e.getMessage(), trace.overflow(), a + " + " + b);
        }
        assertTrue(trace.traceAgrees(), a + " + " + b);
    }

    private static void assertLongResult(long a, long b, boolean subtract, Trace trace) {
        assertEquals(Long.toString(subtract ? a - b : a + b), trace.sum(), a + " and " + b);
        try {
            long exact = subtract ? Math.subtractExact(a, b) : Math.addExact(a, b);
            assertEquals(Long.toString(exact), trace.sum());
            assertNull(trace.overflow(), a + " and " + b);
        } catch (ArithmeticException e) {
            assertEquals(e.getMessage(), trace.overflow(), a + " + " + b);
        }
        assertTrue(trace.traceAgrees(), a + " + " + b);
    }

    private static void assertAgrees(Trace trace, float[][][] onnx, Path file) {
        float[][] y = onnx[0];
        assertEquals(y.length, trace.stepCount(), file + ": steps");
        for (int t = 0; t < y.length; t++) {
            Trace.Step step = trace.steps().get(t);
            for (int j = 0; j < y[t].length; j++) {
                assertEquals(y[t][j], step.h()[j], TOLERANCE, file + " " + trace.a() + " + " + trace.b() + ": h[" + j
                        + "] after step " + t);
            }
            assertNotNull(step.region(), file + ": every shipped model is certified");
            assertTrue(step.region().inside(), file + ": the state after step " + t + " lies in its region's box");
        }
        if (onnx.length > 1) {
            float[] c = trace.steps().get(y.length - 1).c();
            for (int j = 0; j < c.length; j++) {
                assertEquals(onnx[1][0][j], c[j], TOLERANCE, file + ": the last c[" + j + "]");
            }
        }
    }

    /** The model with its recurrent node's {@code Y} (and an LSTM's {@code Y_c}) as graph outputs, in ONNX Runtime. */
    private static final class HiddenStates implements AutoCloseable {

        private final OrtSession session;
        private final String input;
        private final int features;
        private final boolean lstm;

        HiddenStates(ModelProto model) throws Exception {
            NodeProto recurrent = model.getGraph().getNode(0);
            lstm = recurrent.getOpType().equals("LSTM");
            input = recurrent.getInput(0);
            features = input.equals(DigitSerialContract.INPUT_NAME) ? (int) model.getGraph().getInput(0).getType()
                    .getTensorType().getShape().getDim(2).getDimValue() : ModelContract.INPUT_FEATURES;
            ModelProto.Builder exposed = model.toBuilder();
            exposed.getGraphBuilder().addOutput(floatOutput(recurrent.getOutput(0)));
            if (lstm) {
                exposed.getGraphBuilder().setNode(0, recurrent.toBuilder().clearOutput()
                        .addOutput(recurrent.getOutput(0)).addOutput("").addOutput("exposed_y_c"));
                exposed.getGraphBuilder().addOutput(floatOutput("exposed_y_c"));
            }
            session = OrtEnvironment.getEnvironment().createSession(exposed.build().toByteArray());
        }

        float[][][] binary(long a, long b, int bits) throws Exception {
            FloatBuffer x = FloatBuffer.allocate(bits * features);
            for (int t = 0; t < bits; t++) {
                x.put(BitCodec.bit(a, t)).put(BitCodec.bit(b, t));
            }
            return run(x.flip(), bits);
        }

        float[][][] decimal(String a, String b) throws Exception {
            int steps = DigitCodec.steps(a, b);
            FloatBuffer x = FloatBuffer.allocate(steps * features);
            DigitCodec.of(features / 2).encode(new CharSequence[] {a}, new CharSequence[] {b}, steps, x);
            return run(x, steps);
        }

        private float[][][] run(FloatBuffer x, int steps) throws Exception {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, x, new long[] {steps, 1, features});
                    OrtSession.Result result = session.run(Map.of(input, tensor))) {
                float[][][][] y = (float[][][][]) result.get(1).getValue();
                float[][] h = new float[steps][];
                for (int t = 0; t < steps; t++) {
                    h[t] = y[t][0][0];
                }
                if (!lstm) {
                    return new float[][][] {h};
                }
                float[][][] c = (float[][][]) result.get(2).getValue();
                return new float[][][] {h, c[0]};
            }
        }

        private static ValueInfoProto floatOutput(String name) {
            return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                    TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))).build();
        }

        @Override
        public void close() throws Exception {
            session.close();
        }
    }
}
