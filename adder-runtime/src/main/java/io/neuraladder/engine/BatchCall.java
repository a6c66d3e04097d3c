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
import java.util.Arrays;
import java.util.Map;

/**
 * Adds arrays of pairs in chunks of at most {@link #CHUNK} pairs, so that native memory stays
 * bounded whatever the array length. Holds direct buffers for one chunk; used by one thread at a
 * time. Each chunk runs with an input tensor and a pinned output tensor over these buffers; a chunk
 * is padded with zero pairs to a multiple of the session's pairs per row.
 */
final class BatchCall {

    /** Pairs per ONNX Runtime run: large enough to amortise a run, small enough to stay in cache. */
    static final int CHUNK = 4096;

    private final int multiple;
    private final FloatBuffer input = directFloats(BitCodec.inputSize(CHUNK));
    private final FloatBuffer output = directFloats(BitCodec.outputSize(CHUNK));

    /** Buffers for a session whose batch must be a multiple of {@code multiple} (a divisor of {@link #CHUNK}). */
    BatchCall(int multiple) {
        this.multiple = multiple;
    }

    /** Writes the wrapped results of {@code a[i] op b[i]} into {@code sums}, chunk by chunk. */
    void wrapped(OrtEnvironment environment, OrtSession session, int[] a, int[] b, int[] sums)
            throws OrtException {
        for (int from = 0; from < a.length; from += CHUNK) {
            int count = Math.min(CHUNK, a.length - from);
            int padded = padded(count);
            if (padded == count) {
                run(environment, session, a, b, from, count);
            } else {
                run(environment, session, Arrays.copyOfRange(a, from, from + padded),
                        Arrays.copyOfRange(b, from, from + padded), 0, padded);
            }
            decode(padded, count, sums, from);
        }
    }

    /** Writes the wrapped 64-bit results of {@code a[i] op b[i]} into {@code sums}, chunk by chunk. */
    void wrapped(OrtEnvironment environment, OrtSession session, long[] a, long[] b, long[] sums)
            throws OrtException {
        int chunk = CHUNK * Integer.SIZE / Long.SIZE;
        for (int from = 0; from < a.length; from += chunk) {
            int count = Math.min(chunk, a.length - from);
            int padded = padded(count);
            long[] chunkA = Arrays.copyOfRange(a, from, from + padded);
            long[] chunkB = Arrays.copyOfRange(b, from, from + padded);
            BitCodec.encode(chunkA, chunkB, 0, padded, input);
            run(environment, session, padded, Long.SIZE);
            long[] chunkSums = new long[padded];
            BitCodec.decode(output, padded, chunkSums, 0);
            System.arraycopy(chunkSums, 0, sums, from, count);
        }
    }

    /**
     * Runs one chunk of {@code count} pairs (at most {@link #CHUNK}, a multiple of the pairs per row)
     * and returns the raw sum-bit probabilities, {@code [32, count, 1]} from index 0. The buffer is
     * overwritten by the next run.
     */
    FloatBuffer probabilities(OrtEnvironment environment, OrtSession session, int[] a, int[] b, int count)
            throws OrtException {
        if (count % multiple != 0) {
            throw new IllegalArgumentException(count + " pairs are not a multiple of " + multiple);
        }
        run(environment, session, a, b, 0, count);
        return output.duplicate().limit(BitCodec.outputSize(count));
    }

    private int padded(int count) {
        return (count + multiple - 1) / multiple * multiple;
    }

    private void decode(int padded, int count, int[] sums, int to) {
        if (padded == count) {
            BitCodec.decode(output, count, sums, to);
        } else {
            int[] all = new int[padded];
            BitCodec.decode(output, padded, all, 0);
            System.arraycopy(all, 0, sums, to, count);
        }
    }

    private void run(OrtEnvironment environment, OrtSession session, int[] a, int[] b, int from, int count)
            throws OrtException {
        BitCodec.encode(a, b, from, count, input);
        run(environment, session, count, ModelContract.INT_STEPS);
    }

    /** Runs the {@code [steps, count, 2]} input already in the buffer into the pinned output buffer. */
    private void run(OrtEnvironment environment, OrtSession session, int count, int steps) throws OrtException {
        long[] inputShape = {steps, count, ModelContract.INPUT_FEATURES};
        long[] outputShape = {steps, count, ModelContract.OUTPUT_FEATURES};
        FloatBuffer in = input.duplicate().position(0).limit(steps * count * ModelContract.INPUT_FEATURES);
        FloatBuffer out = output.duplicate().position(0).limit(steps * count * ModelContract.OUTPUT_FEATURES);
        try (OnnxTensor inputTensor = OnnxTensor.createTensor(environment, in.slice(), inputShape);
                OnnxTensor outputTensor = OnnxTensor.createTensor(environment, out.slice(), outputShape);
                OrtSession.Result ignored = session.run(Map.of(ModelContract.INPUT_NAME, inputTensor),
                        Map.of(ModelContract.OUTPUT_NAME, outputTensor))) {
            // The sums are in the pinned output buffer.
        }
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
