package io.neuraladder.train;

import io.neuraladder.contract.CellType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void rejectsOutOfRangeValues_sayingWhichAndWhy() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.PLAIN_DEFAULT.toBuilder().trainDigits(33).build());
        assertEquals("training digits must be 1..32, got 33", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.PLAIN_DEFAULT.toBuilder().hiddenSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.PLAIN_DEFAULT.toBuilder().learningRate(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.PLAIN_DEFAULT.toBuilder().method(null).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.DEFAULT.toBuilder().maxIterations(0).build());
        var radix = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.DEFAULT.toBuilder().radix(1).build());
        assertEquals("radix must be 2 (bits) or 3..36, got 1", radix.getMessage());
        var plain = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.PLAIN_DEFAULT.toBuilder().radix(10).build());
        assertTrue(plain.getMessage().startsWith("the plain method trains DL4J's LSTM layer to add bits"), plain.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults(10).toBuilder().carryHint(1).build());
    }

    @Test
    void theDefaultsOfEachRadix_areThePresetsTheShippedModelsCameFrom() {
        assertEquals(TrainingConfig.DEFAULT, TrainingConfig.defaults(2));
        assertEquals(TrainingConfig.DECIMAL, TrainingConfig.defaults(10));
        assertEquals(16, TrainingConfig.defaults(16).radix());
        assertEquals(9, TrainingConfig.DECIMAL.trainSteps(), "8 digits and the final carry");
        assertEquals(16, TrainingConfig.SHIPPED_LSTM.trainSteps(), "bits wrap: no extra step");
    }
}
