package io.neuraladder.train.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.AdderNetwork;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.TrainingConfig;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The exported ONNX graph computes what the DL4J network computes, run by ONNX Runtime. */
class OnnxExportParityTest {

    private static final double TOLERANCE = 1e-5;

    private static MultiLayerNetwork network;
    private static TrainingConfig config;

    @BeforeAll
    static void trainAFewSteps() {
        config = TrainingConfig.PLAIN_DEFAULT.toBuilder().hiddenSize(5).seed(7).batchSize(64).maxIterations(30)
                .evaluateEvery(30).validationPairs(1_000).build();
        network = AdderNetwork.create(config);
        Random random = new Random(7);
        for (int i = 0; i < config.maxIterations(); i++) {
            INDArray features = Nd4j.create(DataType.FLOAT, 64, 2, 16).assign(0);
            INDArray labels = Nd4j.create(DataType.FLOAT, 64, 1, 16);
            for (int n = 0; n < 64; n++) {
                for (int t = 0; t < 16; t++) {
                    features.putScalar(new long[] {n, 0, t}, random.nextInt(2));
                    features.putScalar(new long[] {n, 1, t}, random.nextInt(2));
                    labels.putScalar(new long[] {n, 0, t}, random.nextInt(2));
                }
            }
            network.fit(new DataSet(features, labels));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 32, 100})
    void onnxRuntime_matchesDl4j_onRandomBitSequences(int steps) throws Exception {
        int batch = 37;
        Random random = new Random(steps);
        float[] ncw = new float[batch * 2 * steps];
        for (int i = 0; i < ncw.length; i++) {
            ncw[i] = random.nextInt(2);
        }
        float[] expected = network.output(Nd4j.create(ncw, new long[] {batch, 2, steps}, DataType.FLOAT))
                .dup('c').data().asFloat();

        float[] timeMajor = new float[ncw.length];
        for (int n = 0; n < batch; n++) {
            for (int k = 0; k < 2; k++) {
                for (int t = 0; t < steps; t++) {
                    timeMajor[(t * batch + n) * 2 + k] = ncw[(n * 2 + k) * steps + t];
                }
            }
        }
        float[] actual = runOnnx(timeMajor, steps, batch);

        double worst = 0;
        for (int n = 0; n < batch; n++) {
            for (int t = 0; t < steps; t++) {
                worst = Math.max(worst, Math.abs(expected[n * steps + t] - actual[t * batch + n]));
            }
        }
        assertTrue(worst < TOLERANCE, "max |DL4J - ONNX Runtime| = " + worst + " at " + steps + " steps");
    }

    @Test
    void metadata_roundTripsThroughOnnxRuntime() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(bytes(network))) {
            Map<String, String> expected = new HashMap<>();
            OnnxExport.metadata(config, AdderNetwork.weights(network)).forEach((key, value) -> expected.put(key.key(), value));
            assertEquals(expected, session.getMetadata().getCustomMetadata());
            assertEquals("5", session.getMetadata().getCustomMetadata().get(MetadataKey.HIDDEN_SIZE.key()));
            assertEquals(OnnxExport.PRODUCER, session.getMetadata().getProducerName());
        }
    }

    @Test
    void export_isDeterministic() {
        assertArrayEquals(bytes(network), bytes(network));
    }

    private static float[] runOnnx(float[] timeMajor, int steps, int batch) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(bytes(network));
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(timeMajor), new long[] {steps, batch, 2});
                OrtSession.Result result = session.run(Map.of(ModelContract.INPUT_NAME, input))) {
            FloatBuffer output = ((OnnxTensor) result.get(ModelContract.OUTPUT_NAME).orElseThrow()).getFloatBuffer();
            float[] values = new float[output.remaining()];
            output.get(values);
            return values;
        }
    }

    private static byte[] bytes(MultiLayerNetwork network) {
        CellWeights weights = AdderNetwork.weights(network);
        return OnnxExport.toModel(weights, OnnxExport.metadata(config, weights)).toByteArray();
    }
}
