package io.neuraladder.train;

import io.neuraladder.contract.CellType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void rejectsOutOfRangeValues_sayingWhichAndWhy() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(TrainingConfig.Method.PLAIN, CellType.LSTM, TrainingConfig.Loss.BCE, 8, 33, 1, 128, 0.02, 0, 10, 10, 10));
        assertEquals("training steps must be 1..32, got 33", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(TrainingConfig.Method.PLAIN, CellType.LSTM, TrainingConfig.Loss.BCE, 0, 16, 1, 128, 0.02, 0, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(TrainingConfig.Method.PLAIN, CellType.LSTM, TrainingConfig.Loss.BCE, 8, 16, 1, 128, 1.5, 0, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(null, CellType.LSTM, TrainingConfig.Loss.BCE, 8, 16, 1, 128, 0.02, 0, 10, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.DEFAULT.withBudget(0, 1, 1));
    }
}
