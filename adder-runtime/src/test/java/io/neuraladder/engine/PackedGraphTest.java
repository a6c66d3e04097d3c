package io.neuraladder.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.ShippedModels;
import io.neuraladder.load.StructureCheck;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        StructureCheck.CheckedModel checked = GraphRuns.checked(model);
        IntPairs pairs = OperandSamples.mixed(new SplittableRandom(4), 8 * 512);
        float[] original = GraphRuns.outputs(Files.readAllBytes(model), pairs);
        float[] batched = GraphRuns.outputs(PackedGraph.of(checked.weights(), checked.cell()), pairs);
        double worst = 0;
        for (int i = 0; i < original.length; i++) {
            worst = Math.max(worst, Math.abs(original[i] - batched[i]));
        }
        System.out.printf("%s: max |packed - original| = %.3g over %d probabilities%n", model, worst, original.length);
        assertTrue(worst < 1e-6, "max difference " + worst);
    }
}
