package io.neuraladder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.ShippedModels;
import io.neuraladder.api.ModelSelfTestException;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.load.SelfTest;
import io.neuraladder.load.StructureCheck;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The single-add graph ends at the file graph's logits: every sum bit is the file's. */
class LogitGraphTest {

    static List<Path> models() {
        return ShippedModels.all();
    }

    @ParameterizedTest
    @MethodSource("models")
    void logitGraph_decidesEverySumBitLikeTheModelFile(Path model) throws Exception {
        StructureCheck.CheckedModel checked = GraphRuns.checked(model);
        IntPairs pairs = OperandSamples.mixed(new SplittableRandom(5), 4_096);
        float[] probabilities = GraphRuns.outputs(Files.readAllBytes(model), pairs);
        float[] logits = GraphRuns.outputs(LogitGraph.of(checked.weights(), checked.cell()), pairs);

        assertEquals(probabilities.length, logits.length);
        double smallest = Double.MAX_VALUE;
        for (int i = 0; i < logits.length; i++) {
            boolean fileBit = probabilities[i] > ModelContract.THRESHOLD;
            assertEquals(fileBit, logits[i] > 0, "bit " + i / pairs.size() + " of pair " + i % pairs.size());
            double sigmoid = 1 / (1 + Math.exp(-logits[i]));
            assertEquals(probabilities[i], sigmoid, 1e-6, "the logit is the file graph's, before its sigmoid");
            smallest = Math.min(smallest, Math.abs(logits[i]));
        }
        System.out.printf("%s: %d bits agree, smallest |logit| %.3f%n", model, logits.length, smallest);
        FloatBuffer decoded = FloatBuffer.wrap(logits);
        for (int i = 0; i < pairs.size(); i++) {
            assertEquals(pairs.a()[i] + pairs.b()[i], LogitGraph.decode(decoded, pairs.size(), i));
        }
    }

    @Test
    void selfTest_refusesLogitsThatAddWrongly_orAreNotFinite() {
        int n = SelfTest.CASES.size();
        float[] right = new float[ModelContract.INT_STEPS * n];
        for (int i = 0; i < n; i++) {
            int sum = SelfTest.CASES.a()[i] + SelfTest.CASES.b()[i];
            for (int t = 0; t < ModelContract.INT_STEPS; t++) {
                right[t * n + i] = BitCodec.bit(sum, t) == 1 ? 3f : -3f;
            }
        }
        SelfTest.verifyLogits("hand-made logits", Operator.ADD, FloatBuffer.wrap(right), i -> LogitGraph.decode(FloatBuffer.wrap(right), n, i));

        float[] carryLost = right.clone();
        carryLost[16 * n] = -carryLost[16 * n];
        ModelSelfTestException wrong = assertThrows(ModelSelfTestException.class,
                () -> SelfTest.verifyLogits("flipped", Operator.ADD, FloatBuffer.wrap(carryLost), i -> LogitGraph.decode(FloatBuffer.wrap(carryLost), n, i)));
        assertTrue(wrong.getMessage().contains("1 of " + n + " chain cases are wrong"), wrong.getMessage());

        float[] notFinite = right.clone();
        notFinite[5] = Float.NaN;
        ModelSelfTestException nan = assertThrows(ModelSelfTestException.class,
                () -> SelfTest.verifyLogits("nan", Operator.ADD, FloatBuffer.wrap(notFinite), i -> LogitGraph.decode(FloatBuffer.wrap(notFinite), n, i)));
        assertTrue(nan.getMessage().contains("non-finite output-bit logit (NaN)"), nan.getMessage());
    }
}
