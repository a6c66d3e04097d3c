package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void rejectsOutOfRangeValues_sayingWhichAndWhy() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(8, 33, 1, 128, 0.02, 10, 10, 10));
        assertEquals("training steps must be 1..32, got 33", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0, 16, 1, 128, 0.02, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(8, 16, 1, 128, 1.5, 10, 10, 10));
    }
}
