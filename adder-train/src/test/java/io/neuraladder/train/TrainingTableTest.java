package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training table and its validation sets speak of the operator's own state: carries or borrows. */
class TrainingTableTest {

    @Test
    void aSubtractorsTable_countsBorrows() {
        String header = TrainingTable.textHeader(Operator.SUBTRACT);
        assertTrue(header.contains("exact borrow"), header);
        assertFalse(header.contains("carry"), header);
        assertTrue(TrainingTable.markdown(Operator.SUBTRACT, List.of()).contains("| exact borrow |"));
        String sets = OperandSets.of(TrainingConfig.DEFAULT.toBuilder().operator(Operator.SUBTRACT).build())
                .description();
        assertTrue(sets.contains("borrow-heavy pairs") && !sets.contains("carry"), sets);
    }

    @Test
    void anAddersTable_countsCarries() {
        assertTrue(TrainingTable.textHeader(Operator.ADD).contains("exact carry"));
        assertTrue(OperandSets.of(TrainingConfig.DEFAULT).description().contains("carry-heavy pairs"));
    }
}
