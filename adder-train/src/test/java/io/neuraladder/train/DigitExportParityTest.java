package io.neuraladder.train;

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
import io.neuraladder.contract.Operator;
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
class DigitExportParityTest {

    static Stream<Arguments> cellsAndRadixes() {
        return Stream.of(10, 16).flatMap(radix -> TrainingConfig.TRAINABLE_CELLS.stream().map(cell -> Arguments.of(cell, radix)));
    }

    @ParameterizedTest(name = "{0} in radix {1}")
    @MethodSource("cellsAndRadixes")
    void onnxRuntime_matchesSameDiff(CellType cell, int radix) throws Exception {
        assertParity(small(cell, radix).build());
    }

    /** The carry gain is folded into the exported weights; the saturation term leaves no trace. */
    @ParameterizedTest(name = "{0} in radix 16, carry gain and saturation")
    @EnumSource(value = CellType.class, names = {"RNN", "GRU", "LSTM"})
    void onnxRuntime_matchesSameDiff_withTheCarryTerms(CellType cell) throws Exception {
        assertParity(small(cell, 16).recurrentRank(2).carryGain(4).carrySaturation(0.3).quietChains(0.5).build());
    }

    /** The carry hint's start flag (the next step reads units 0 and 1 summed) is in the exported recurrence. */
    @ParameterizedTest(name = "{0} in radix 16, carry hint")
    @EnumSource(value = CellType.class, names = {"RNN", "GRU", "LSTM"})
    void onnxRuntime_matchesSameDiff_withTheCarryHint(CellType cell) throws Exception {
        assertParity(small(cell, 16).carryGain(4).carrySaturation(0.3).quietChains(0.5).carryHint(2).build());
    }

    /** A subtractor's graph is an adder's: the parity holds for its targets too. */
    @ParameterizedTest(name = "{0} subtracting in radix 10")
    @EnumSource(value = CellType.class, names = {"RNN", "GRU", "LSTM"})
    void onnxRuntime_matchesSameDiff_forASubtractor(CellType cell) throws Exception {
        assertParity(small(cell, 10).operator(Operator.SUBTRACT).build());
    }

    private static TrainingConfig.Builder small(CellType cell, int radix) {
        return TrainingConfig.defaults(radix).toBuilder().cell(cell).hiddenSize(6).recurrentRank(1).trainDigits(4)
                .seed(3).batchSize(64).stateNoise(0.2).maxIterations(20).evaluateEvery(20).validationPairs(100);
    }

    private static void assertParity(TrainingConfig config) throws Exception {
        int radix = config.radix();
        CellType cell = config.cell();
        CertifiableLearner learner = new CertifiableLearner(config);
        DigitSamples samples = new DigitSamples(radix);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < config.maxIterations(); i++) {
            learner.fit(TrainingPairs.digits(samples.uniform(random, config.batchSize(), config.trainDigits()), radix));
        }
        String[][] pairs = samples.carryHeavy(random, 50, config.trainDigits());
        float[][] expected = learner.probabilities(TrainingPairs.digits(pairs, radix));

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
                MetadataKey.OPERATOR, config.operator().metadataName(), MetadataKey.RADIX, Integer.toString(radix)));
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
