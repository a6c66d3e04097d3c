package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every shipped LSTM model, loaded into DL4J's own LSTM layer, computes what ONNX Runtime computes
 * from the file. (The RNN and GRU models are compared with their SameDiff training networks in
 * {@link CertifiableExportParityTest}.)
 */
class ShippedModelsInDl4jTest {

    static List<Path> models() throws IOException {
        List<Path> lstm = new ArrayList<>();
        for (Path model : ShippedModelFiles.all()) {
            if (CellWeights.read(model).cell() == CellType.LSTM) {
                lstm.add(model);
            }
        }
        return lstm;
    }

    @ParameterizedTest
    @MethodSource("models")
    void dl4jLstmLayer_matchesOnnxRuntime_onTheShippedWeights(Path model) throws Exception {
        MultiLayerNetwork network = AdderNetwork.of(CellWeights.read(model));
        int batch = 64;
        int steps = 48;
        Random random = new Random(3);
        float[] ncw = new float[batch * 2 * steps];
        float[] timeMajor = new float[ncw.length];
        for (int n = 0; n < batch; n++) {
            for (int k = 0; k < 2; k++) {
                for (int t = 0; t < steps; t++) {
                    float bit = random.nextInt(2);
                    ncw[(n * 2 + k) * steps + t] = bit;
                    timeMajor[(t * batch + n) * 2 + k] = bit;
                }
            }
        }
        float[] dl4j = network.output(Nd4j.create(ncw, new long[] {batch, 2, steps}, DataType.FLOAT))
                .dup('c').data().asFloat();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double worst = 0;
        try (OrtSession session = env.createSession(Files.readAllBytes(model));
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(timeMajor), new long[] {steps, batch, 2});
                OrtSession.Result result = session.run(Map.of(ModelContract.INPUT_NAME, input))) {
            FloatBuffer onnx = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (int n = 0; n < batch; n++) {
                for (int t = 0; t < steps; t++) {
                    worst = Math.max(worst, Math.abs(dl4j[n * steps + t] - onnx.get(t * batch + n)));
                }
            }
        }
        assertTrue(worst < 1e-5, model + ": max |DL4J - ONNX Runtime| = " + worst);
    }
}
