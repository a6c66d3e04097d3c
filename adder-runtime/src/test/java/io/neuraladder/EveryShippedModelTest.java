package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.api.Adder;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model in models/ loads without code changes and adds like Math.addExact. */
class EveryShippedModelTest {

    static List<Path> models() {
        List<Path> models = ShippedModels.all();
        assertTrue(models.size() >= 2, "models/ ships at least two models: " + models);
        return models;
    }

    @ParameterizedTest
    @MethodSource("models")
    void singleAdds_matchAddExact(Path model) {
        try (Adder adder = NeuralAdder.open(model)) {
            AddExactProperty.assertHolds(model.toString(), adder::add, AddExactProperty.DEFAULT_SAMPLES);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void batchAdds_matchJavaPlus_onAHundredThousandPairs(Path model) {
        IntPairs pairs = OperandSamples.edgePairs()
                .concat(OperandSamples.mixed(new SplittableRandom(model.hashCode()), 100_000));
        int[] expected = new int[pairs.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = pairs.a()[i] + pairs.b()[i];
        }
        try (Adder adder = NeuralAdder.open(model)) {
            assertArrayEquals(expected, adder.addWrapping(pairs.a(), pairs.b()));
        }
    }
}
