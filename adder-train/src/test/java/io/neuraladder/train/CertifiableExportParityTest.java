package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import io.neuraladder.train.export.OnnxExport;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every cell and loss, the SameDiff-trained network and its ONNX export (ONNX's RNN, GRU or
 * LSTM operator), run by ONNX Runtime, agree within 1e-5.
 */
class CertifiableExportParityTest {

    static Stream<Arguments> cellsAndLosses() {
        return TrainingConfig.TRAINABLE_CELLS.stream().flatMap(cell -> Arrays.stream(TrainingConfig.Loss.values())
                .map(loss -> Arguments.of(cell, loss)));
    }

    @ParameterizedTest
    @MethodSource("cellsAndLosses")
    void onnxRuntime_matchesSameDiff_onTheTrainingLength(CellType cell, TrainingConfig.Loss loss) throws Exception {
        TrainingConfig config = TrainingConfig.DEFAULT.toBuilder().cell(cell).loss(loss).trainDigits(16).seed(5)
                .maxIterations(30).evaluateEvery(30).validationPairs(1_000).build();
        CertifiableLearner learner = new CertifiableLearner(config);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < config.maxIterations(); i++) {
            learner.fit(TrainingPairs.bits(OperandSamples.mixed(random, config.batchSize()), config.trainSteps()));
        }
        IntPairs pairs = OperandSamples.mixed(random, 300);
        float[][] expected = learner.probabilities(TrainingPairs.bits(pairs, config.trainSteps()));

        int steps = config.trainSteps();
        FloatBuffer input = FloatBuffer.allocate(steps * pairs.size() * 2);
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < pairs.size(); n++) {
                input.put((t * pairs.size() + n) * 2, BitCodec.bit(pairs.a()[n], t));
                input.put((t * pairs.size() + n) * 2 + 1, BitCodec.bit(pairs.b()[n], t));
            }
        }
        byte[] model = OnnxExport.toModel(learner.weights(), Map.of(MetadataKey.CONTRACT_VERSION,
                ModelContract.VERSION, MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD)).toByteArray();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double worst = 0;
        try (OrtSession session = env.createSession(model);
                OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {steps, pairs.size(), 2});
                OrtSession.Result result = session.run(Map.of(ModelContract.INPUT_NAME, tensor))) {
            FloatBuffer actual = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (int t = 0; t < steps; t++) {
                for (int n = 0; n < pairs.size(); n++) {
                    worst = Math.max(worst, Math.abs(expected[t][n] - actual.get(t * pairs.size() + n)));
                }
            }
        }
        String node = ModelProto.parseFrom(model).getGraph().getNode(0).getOpType();
        assertEquals(cell.onnxOperator(), node);
        assertTrue(worst < 1e-5, cell + " " + loss + ": max |SameDiff - ONNX Runtime| = " + worst);
    }
}
