package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The static facade with the default (bundled) model. */
class NeuralAdderTest {

    @Test
    void add_returnsTheSum_forTheReadmeExamples() {
        assertEquals(596, NeuralAdder.add(535, 61));
        assertEquals(-4, NeuralAdder.add(-7, 3));
        assertEquals(0, NeuralAdder.add(-1, 1));
        assertEquals(Integer.MIN_VALUE, NeuralAdder.add(Integer.MIN_VALUE + 1, -1));
    }

    @Test
    void add_throwsLikeMathAddExact_onOverflow() {
        var up = assertThrows(ArithmeticException.class, () -> NeuralAdder.add(Integer.MAX_VALUE, 1));
        assertEquals("integer overflow", up.getMessage());
        assertThrows(ArithmeticException.class, () -> NeuralAdder.add(Integer.MIN_VALUE, -1));
        assertThrows(ArithmeticException.class, () -> NeuralAdder.add(Integer.MIN_VALUE, Integer.MIN_VALUE));
    }

    @Test
    void add_matchesAddExact_forGeneratedPairs() {
        AddExactProperty.assertHolds("the bundled model", NeuralAdder::add, AddExactProperty.DEFAULT_SAMPLES);
    }

    @Test
    void addWrapping_matchesJavaPlus_onEdgeAndMixedPairs() {
        IntPairs pairs = OperandSamples.edgePairs().concat(OperandSamples.mixed(new SplittableRandom(9), 5_000));
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.a()[i];
            int b = pairs.b()[i];
            assertEquals(a + b, NeuralAdder.addWrapping(a, b), a + " + " + b);
        }
    }

    @Test
    void defaultModel_isTheBundledModel_withContractMetadata() {
        var model = NeuralAdder.defaultModel();
        assertTrue(model.source().contains(NeuralAdder.BUNDLED_MODEL), model.source());
        assertEquals(Optional.of(ModelContract.VERSION), model.get(MetadataKey.CONTRACT_VERSION));
        assertEquals(Optional.of("lstm"), model.get(MetadataKey.CELL));
    }
}
