package io.neuraladder.train.digitserial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.export.OnnxExport;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every cell, in radix 10 and 16, the SameDiff digit-serial network and its ONNX export (the
 * cell's operator, then Softmax over the radix's digits), run by ONNX Runtime, agree within 1e-5;
 * the weights read back from the file are the ones trained.
 */
class DigitSerialExportParityTest {

    static Stream<Arguments> cellsAndRadixes() {
        return Stream.of(10, 16).flatMap(radix -> Stream.of(CellType.values()).map(cell -> Arguments.of(cell, radix)));
    }

    @ParameterizedTest(name = "{0} in radix {1}")
    @MethodSource("cellsAndRadixes")
    void onnxRuntime_matchesSameDiff(CellType cell, int radix) throws Exception {
        assertParity(new DigitSerialConfig(radix, cell, 6, 1, 4, 3, 64, 0.02, 0.2, 20, 20, 100, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0));
    }

    /**
     * The training-only terms (penalties, preactivation noise, partnered minibatches, interval
     * training) leave no trace in the export, and the carry gain is folded into the exported weights.
     */
    @ParameterizedTest(name = "{0} in radix 16, every training option")
    @EnumSource(CellType.class)
    void onnxRuntime_matchesSameDiff_withEveryTrainingOption(CellType cell) throws Exception {
        assertParity(new DigitSerialConfig(16, cell, 6, 2, 4, 3, 64, 0.02, 0.2, 20, 20, 100, 0.2, 0.5, 0.001, 1,
                0.3, 4, cell == CellType.RNN ? 0.2 : 0, 1, 0.5, 0));
    }

    /** The carry hint's start flag (the next step reads units 0 and 1 summed) is in the exported recurrence. */
    @ParameterizedTest(name = "{0} in radix 16, carry hint")
    @EnumSource(CellType.class)
    void onnxRuntime_matchesSameDiff_withTheCarryHint(CellType cell) throws Exception {
        assertParity(new DigitSerialConfig(16, cell, 6, 1, 4, 3, 64, 0.02, 0.2, 20, 20, 100, 0, 0, 0, 0, 0.3, 4, 0, 1,
                0.5, 2));
    }

    private static void assertParity(DigitSerialConfig config) throws Exception {
        int radix = config.radix();
        CellType cell = config.cell();
        DigitSerialLearner learner = new DigitSerialLearner(config);
        DigitSamples samples = new DigitSamples(radix);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < config.maxIterations(); i++) {
            learner.fit(samples.uniform(random, config.batchSize(), config.trainDigits()));
        }
        String[][] pairs = samples.carryHeavy(random, 50, config.trainDigits());
        float[][] expected = learner.probabilities(pairs);

        int steps = config.trainDigits() + 1;
        String[] a = new String[pairs.length];
        String[] b = new String[pairs.length];
        for (int n = 0; n < pairs.length; n++) {
            a[n] = pairs[n][0];
            b[n] = pairs[n][1];
        }
        int inputs = DigitSerialContract.inputFeatures(radix);
        FloatBuffer input = FloatBuffer.allocate(steps * pairs.length * inputs);
        DigitCodec.of(radix).encode(a, b, steps, input);
        CellWeights weights = learner.weights();
        ModelProto model = OnnxExport.toModel(weights, Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD, MetadataKey.RADIX, Integer.toString(radix)));
        assertEquals(radix, CellWeights.fromModel(model, "export").radix());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double worst = 0;
        try (OrtSession session = env.createSession(model.toByteArray());
                OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {steps, pairs.length, inputs});
                OrtSession.Result result = session.run(Map.of(DigitSerialContract.INPUT_NAME, tensor))) {
            FloatBuffer actual = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < pairs.length * radix; i++) {
                    worst = Math.max(worst, Math.abs(expected[t][i] - actual.get(t * pairs.length * radix + i)));
                }
            }
        }
        assertTrue(worst < 1e-5, cell + " in radix " + radix + ": max |SameDiff - ONNX Runtime| = " + worst);
    }
}
