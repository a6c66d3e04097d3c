package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void rejectsOutOfRangeValues_sayingWhichAndWhy() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(TrainingConfig.Method.PLAIN, 8, 33, 1, 128, 0.02, 0, 10, 10, 10));
        assertEquals("training steps must be 1..32, got 33", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(TrainingConfig.Method.PLAIN, 0, 16, 1, 128, 0.02, 0, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(TrainingConfig.Method.PLAIN, 8, 16, 1, 128, 1.5, 0, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(null, 8, 16, 1, 128, 0.02, 0, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.DEFAULT.withBudget(0, 1, 1));
    }
}
