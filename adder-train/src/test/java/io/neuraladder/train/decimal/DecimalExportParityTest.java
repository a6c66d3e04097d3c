package io.neuraladder.train.decimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DecimalContract;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.export.OnnxExport;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For every cell, the SameDiff decimal network and its ONNX export (the cell's operator, then
 * Softmax over 10 digits), run by ONNX Runtime, agree within 1e-5; the weights read back from the
 * file are the ones trained.
 */
class DecimalExportParityTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void onnxRuntime_matchesSameDiff(CellType cell) throws Exception {
        DecimalConfig config = new DecimalConfig(cell, 6, 1, 4, 3, 64, 0.02, 0.2, 20, 20, 100);
        DecimalLearner learner = new DecimalLearner(config);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < config.maxIterations(); i++) {
            learner.fit(DecimalSamples.uniform(random, config.batchSize(), config.trainDigits()));
        }
        String[][] pairs = DecimalSamples.carryHeavy(random, 50, config.trainDigits());
        float[][] expected = learner.probabilities(pairs);

        int steps = config.trainDigits() + 1;
        String[] a = new String[pairs.length];
        String[] b = new String[pairs.length];
        for (int n = 0; n < pairs.length; n++) {
            a[n] = pairs[n][0];
            b[n] = pairs[n][1];
        }
        FloatBuffer input = FloatBuffer.allocate(steps * pairs.length * DecimalContract.INPUT_FEATURES);
        DigitCodec.encode(a, b, steps, input);
        CellWeights weights = learner.weights();
        ModelProto model = OnnxExport.toModel(weights, Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD, MetadataKey.RADIX, DecimalContract.RADIX_VALUE));
        assertEquals(10, CellWeights.fromModel(model, "export").radix());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double worst = 0;
        try (OrtSession session = env.createSession(model.toByteArray());
                OnnxTensor tensor = OnnxTensor.createTensor(env, input,
                        new long[] {steps, pairs.length, DecimalContract.INPUT_FEATURES});
                OrtSession.Result result = session.run(Map.of(DecimalContract.INPUT_NAME, tensor))) {
            FloatBuffer actual = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < pairs.length * DecimalContract.OUTPUT_FEATURES; i++) {
                    worst = Math.max(worst, Math.abs(expected[t][i]
                            - actual.get(t * pairs.length * DecimalContract.OUTPUT_FEATURES + i)));
                }
            }
        }
        assertTrue(worst < 1e-5, cell + ": max |SameDiff - ONNX Runtime| = " + worst);
    }
}
