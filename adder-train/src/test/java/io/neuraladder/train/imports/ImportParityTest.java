package io.neuraladder.train.imports;

import static io.neuraladder.train.imports.PyTorchFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import io.neuraladder.train.export.OnnxExport;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The written file computes what the source file computes: both run by ONNX Runtime on the same
 * random bit strings, the source's bit (output above 0.5) equals the written file's (logit above 0)
 * at every step, and the cell the certificate search models ({@link RecurrentCell}) gives the same
 * bits too. Every cell, head and layout of the fixtures, PyTorch's GRU included.
 */
class ImportParityTest {

    private static final int STEPS = 40;
    private static final int BATCH = 256;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lstm10-linear", "lstm16-sigmoid-batch-first", "gru8-sigmoid", "gru6-linear-gemm",
        "rnn8-sigmoid", "lstm4-short"})
    void theWrittenFile_andTheSearchsCell_decideEveryBitAsTheSourceDoes(String name) throws Exception {
        byte[] source = Files.readAllBytes(fixture(name));
        ImportedAdder adder = ForeignAdderReader.read(source, name);
        byte[] written = OnnxExport.toModel(adder.weights(), Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, "add")).toByteArray();
        SplittableRandom random = new SplittableRandom(name.hashCode());
        float[] timeMajor = new float[STEPS * BATCH * 2];
        for (int i = 0; i < timeMajor.length; i++) {
            timeMajor[i] = random.nextInt(2);
        }
        float[] sourceOutput = run(source, adder.batchFirst() ? batchFirst(timeMajor) : timeMajor, adder.batchFirst());
        if (adder.batchFirst()) {
            sourceOutput = timeMajorOutput(sourceOutput);
        }
        float[] writtenOutput = run(written, timeMajor, false);
        RecurrentCell cell = RecurrentCell.of(adder.weights());
        int decided = 0;
        for (int item = 0; item < BATCH; item++) {
            double[] state = new double[cell.stateSize()];
            for (int t = 0; t < STEPS; t++) {
                int at = t * BATCH + item;
                cell.step(state, (int) timeMajor[2 * at], (int) timeMajor[2 * at + 1]);
                double threshold = 0.5;
                if (Math.abs(sourceOutput[at] - threshold) < 1e-4 || Math.abs(cell.logit(state)) < 1e-4) {
                    continue;
                }
                int sourceBit = sourceOutput[at] > threshold ? 1 : 0;
                assertEquals(sourceBit, writtenOutput[at] > 0.5f ? 1 : 0, name + ": step " + t + " of item " + item);
                assertEquals(sourceBit, cell.digit(state), name + ": the search's cell at step " + t + " of item " + item);
                decided++;
            }
        }
        assertTrue(decided > STEPS * BATCH * 0.99, "all but a few bits are decided away from the threshold: " + decided);
        assertEquals(adder.weights().cell(), CellWeights.fromModel(onnx.Onnx.ModelProto.parseFrom(written), name).cell());
    }

    private static float[] run(byte[] model, float[] bits, boolean batchFirst) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = batchFirst ? new long[] {BATCH, STEPS, 2} : new long[] {STEPS, BATCH, 2};
        try (OrtSession session = env.createSession(model);
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(bits), shape);
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
    }

    private static float[] batchFirst(float[] timeMajor) {
        float[] swapped = new float[timeMajor.length];
        for (int t = 0; t < STEPS; t++) {
            for (int item = 0; item < BATCH; item++) {
                for (int k = 0; k < 2; k++) {
                    swapped[(item * STEPS + t) * 2 + k] = timeMajor[(t * BATCH + item) * 2 + k];
                }
            }
        }
        return swapped;
    }

    private static float[] timeMajorOutput(float[] batchFirst) {
        float[] swapped = new float[batchFirst.length];
        for (int t = 0; t < STEPS; t++) {
            for (int item = 0; item < BATCH; item++) {
                swapped[t * BATCH + item] = batchFirst[item * STEPS + t];
            }
        }
        return swapped;
    }
}
