package io.neuraladder.train.certify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.Operator;
import io.neuraladder.engine.ServedGraphs;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.ShippedModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tries to falsify the assumption every embedded proof rests on, that ONNX Runtime's float32
 * kernels step a state of a box into the box of its successor: states sampled inside each box of
 * every shipped model (corners, faces and interior; a seeded sample of the decimal model's
 * 20,100 regions), stepped on every digit pair by the model's own recurrent node in ONNX Runtime,
 * must land inside the successor's box, without the state margin the proof adds. For the binary
 * models the same states are also stepped by the graphs the runtime derives and serves with: the
 * single-call graph and the array graph, whose block-diagonal cell steps eight states per row.
 */
class BoxFalsificationTest {

    /** A model's recurrent node in ONNX Runtime: {h', c'} from {@code states} rows of inputs and states. */
    private interface Stepper {
        float[][] step(int states, float[] x, float[] h0, float[] c0) throws Exception;
    }

    static Stream<Arguments> servedGraphs() {
        return ShippedModelFiles.all().stream().filter(model -> !model.toString().contains("decimal")
                && !model.toString().contains("radix"))
                .flatMap(model -> Stream.of(Arguments.of(model, "single-call graph"), Arguments.of(model, "array graph")));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("servedGraphs")
    void statesInsideEveryBox_landInsideTheSuccessorsBox_underTheGraphsTheRuntimeServes(Path model, String graph)
            throws Exception {
        boolean packed = graph.equals("array graph");
        ModelProto served = ModelProto.parseFrom(packed ? ServedGraphs.arrayGraph(model)
                : ServedGraphs.singleCallGraph(model));
        falsify(model, (states, x, h0, c0) -> OnnxStep.run(served, packed ? states / ServedGraphs.PAIRS_PER_ROW
                : states, x, h0, c0), packed ? ServedGraphs.PAIRS_PER_ROW : 1);
    }

    private static final int SAMPLES_PER_BOX = 8;
    private static final int MAX_REGIONS = 400;

    static List<Path> shippedModels() {
        return ShippedModelFiles.all();
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void statesInsideEveryBox_landInsideTheSuccessorsBox_underOnnxRuntime(Path model) throws Exception {
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        falsify(model, (states, x, h0, c0) -> OnnxStep.run(proto, states, x, h0, c0), 1);
    }

    /**
     * Steps states sampled in the boxes with {@code stepper}, rows padded with zero states to a
     * multiple of {@code rowMultiple} (the array graph's rows hold eight pairs, laid out as eight
     * consecutive rows of the file's), and fails if one leaves its successor's box.
     */
    private static void falsify(Path model, Stepper stepper, int rowMultiple) throws Exception {
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        CellWeights weights = CellWeights.fromModel(proto, model.toString());
        Operator operator = ShippedModelFiles.operator(model);
        EmbeddedCertificate.Decoded certificate = EmbeddedCertificate.decode(
                CertificateVerifier.embeddedProof(proto).orElseThrow(), operator);
        int radix = weights.radix();
        int pairs = radix * radix;
        int hidden = weights.hidden();
        boolean lstm = weights.cell().hasCellState();
        int size = certificate.stateSize();
        Random random = new Random(2026);

        List<StepLabel> sources = new ArrayList<>(certificate.boxes().keySet());
        Collections.shuffle(sources, random);
        sources = sources.subList(0, Math.min(MAX_REGIONS, sources.size()));
        int sampled = (sources.size() * SAMPLES_PER_BOX + 1) * pairs;
        int states = (sampled + rowMultiple - 1) / rowMultiple * rowMultiple;
        float[] x = new float[states * weights.inputs()];
        float[] h0 = new float[states * hidden];
        float[] c0 = lstm ? new float[states * hidden] : null;
        List<StepLabel> targets = new ArrayList<>(states);
        int n = 0;
        for (int s = -1; s < sources.size() * SAMPLES_PER_BOX; s++) {
            StepLabel source = s < 0 ? null : sources.get(s / SAMPLES_PER_BOX);
            float[] state = s < 0 ? new float[size] : sample(certificate.boxes().get(source), s % SAMPLES_PER_BOX,
                    random);
            for (int pair = 0; pair < pairs; pair++, n++) {
                targets.add(source == null ? StepLabel.first(operator, radix, pair) : source.next(pair, certificate.history()));
                encode(x, n, weights.inputs(), radix, pair);
                System.arraycopy(state, 0, h0, n * hidden, hidden);
                if (lstm) {
                    System.arraycopy(state, hidden, c0, n * hidden, hidden);
                }
            }
        }

        float[][] next = stepper.step(states, x, h0, c0);
        double worstSlack = Double.POSITIVE_INFINITY;
        String worst = "";
        for (n = 0; n < sampled; n++) {
            StateBox box = certificate.boxes().get(targets.get(n));
            for (int j = 0; j < size; j++) {
                float value = j < hidden ? next[0][n * hidden + j] : next[1][n * hidden + j - hidden];
                double slack = Math.min(value - box.low(j), box.high(j) - value);
                if (slack < worstSlack) {
                    worstSlack = slack;
                    worst = "component " + j + " = " + value + " of a step into [" + targets.get(n) + "], box ["
                            + box.low(j) + ", " + box.high(j) + "]";
                }
            }
        }
        System.out.printf("%s: %d states from %d of %d boxes stepped by ONNX Runtime; smallest slack %.3g (%s)%n",
                model.getFileName(), sampled, sources.size(), certificate.boxes().size(), worstSlack, worst);
        assertTrue(worstSlack >= 0, "ONNX Runtime stepped a state out of its successor's box: " + worst);
    }

    /**
     * A state in the box: its corner {@code kind} 0 (all lower faces) and 1 (all upper), a random
     * corner for 2 and 3, a random face point for 4 and 5, and interior points otherwise.
     */
    private static float[] sample(StateBox box, int kind, Random random) {
        float[] state = new float[box.size()];
        for (int j = 0; j < state.length; j++) {
            double low = box.low(j);
            double high = box.high(j);
            double value = switch (kind) {
                case 0 -> low;
                case 1 -> high;
                case 2, 3 -> random.nextBoolean() ? low : high;
                case 4, 5 -> random.nextInt(3) == 0 ? (random.nextBoolean() ? low : high)
                        : low + random.nextDouble() * (high - low);
                default -> low + random.nextDouble() * (high - low);
            };
            state[j] = (float) Math.min(high, Math.max(low, value));
        }
        return state;
    }

    /** The input features of {@code pair} ({@code a · radix + b}) at row {@code n}, as the contract encodes them. */
    private static void encode(float[] x, int n, int inputs, int radix, int pair) {
        int a = pair / radix;
        int b = pair % radix;
        if (radix == 2) {
            x[n * inputs] = a;
            x[n * inputs + 1] = b;
        } else {
            x[n * inputs + a] = 1;
            x[n * inputs + radix + b] = 1;
        }
    }
}
