package io.neuraladder.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.load.ModelSource;
import io.neuraladder.load.StructureCheck;
import io.neuraladder.sampling.IntPairs;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs a model file and the graphs the runtime derives from it on the same pairs, for comparisons. */
final class GraphRuns {

    private GraphRuns() {}

    /** The shipped model at {@code model}, through the runtime's structure check. */
    static StructureCheck.CheckedModel checked(Path model) throws Exception {
        return StructureCheck.verify(new ModelSource(model.toString(), Files.readAllBytes(model)));
    }

    /** The model's first output for {@code pairs}, flattened. */
    static float[] outputs(byte[] model, IntPairs pairs) throws Exception {
        FloatBuffer input = FloatBuffer.allocate(BitCodec.inputSize(pairs.size()));
        BitCodec.encode(pairs.a(), pairs.b(), 0, pairs.size(), input);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model);
                OnnxTensor tensor = OnnxTensor.createTensor(env, input.rewind(), BitCodec.inputShape(pairs.size()));
                OrtSession.Result result = session.run(Map.of(ModelContract.INPUT_NAME, tensor))) {
            FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[output.remaining()];
            output.get(values);
            return values;
        }
    }
}
