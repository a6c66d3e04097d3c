package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The packed batch graph computes what the model file computes, pair for pair. */
class PackedGraphTest {

    static List<Path> models() {
        return ShippedModels.all();
    }

    @ParameterizedTest
    @MethodSource("models")
    void packedGraph_matchesTheModelFile_onEveryProbability(Path model) throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        StructureCheck.CheckedModel checked = StructureCheck.verify(new ModelSource(model.toString(), bytes));
        byte[] packed = PackedGraph.of(checked.proto(), checked.cell());
        IntPairs pairs = OperandSamples.mixed(new SplittableRandom(4), 8 * 512);
        FloatBuffer input = FloatBuffer.allocate(BitCodec.inputSize(pairs.size()));
        BitCodec.encode(pairs.a(), pairs.b(), 0, pairs.size(), input);
        float[] original = run(bytes, input, pairs.size());
        float[] batched = run(packed, input, pairs.size());
        double worst = 0;
        for (int i = 0; i < original.length; i++) {
            worst = Math.max(worst, Math.abs(original[i] - batched[i]));
        }
        System.out.printf("%s: max |packed - original| = %.3g over %d probabilities%n", model, worst, original.length);
        assertTrue(worst < 1e-6, "max difference " + worst);
    }

    private static float[] run(byte[] model, FloatBuffer input, int count) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model);
                OnnxTensor tensor = OnnxTensor.createTensor(env, input.duplicate().rewind(), BitCodec.inputShape(count));
                OrtSession.Result result = session.run(Map.of(ModelContract.INPUT_NAME, tensor))) {
            FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[output.remaining()];
            output.get(values);
            return values;
        }
    }
}
