package io.neuraladder.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The reusable buffers of one single-pair inference on a {@link LogitGraph}: an input tensor over a
 * direct buffer, and a pinned output tensor of logits that ONNX Runtime writes into, so that a call
 * allocates no tensors. Used by one thread at a time.
 */
final class SingleCall implements AutoCloseable {

    private final FloatBuffer input = directFloats(BitCodec.inputSize(1));
    private final FloatBuffer output = directFloats(ModelContract.INT_STEPS);
    private final OnnxTensor inputTensor;
    private final OnnxTensor outputTensor;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> pinnedOutputs;

    SingleCall(OrtEnvironment environment) throws OrtException {
        inputTensor = OnnxTensor.createTensor(environment, input, BitCodec.inputShape(1));
        try {
            outputTensor = OnnxTensor.createTensor(environment, output, LogitGraph.outputShape(1));
        } catch (OrtException | RuntimeException e) {
            inputTensor.close();
            throw e;
        }
        inputs = Map.of(ModelContract.INPUT_NAME, inputTensor);
        pinnedOutputs = Map.of(LogitGraph.OUTPUT_NAME, outputTensor);
    }

    /** The wrapped 32-bit result of {@code a op b} computed by {@code logitGraph}'s session. */
    int wrapped(OrtSession logitGraph, int a, int b) throws OrtException {
        BitCodec.encode(a, b, input);
        try (OrtSession.Result ignored = logitGraph.run(inputs, pinnedOutputs)) {
            return LogitGraph.decode(output, 1, 0);
        }
    }

    @Override
    public void close() {
        inputTensor.close();
        outputTensor.close();
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
