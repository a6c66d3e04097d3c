package io.neuraladder.properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExactPropertyTest {

    @Test
    void theJdksOwnSubtraction_agreesWithItself() {
        ExactProperty.assertAgree("subtractExact == itself", 1, ExactProperty.intPairs(1, 2_000), Math::subtractExact,
                Math::subtractExact);
        ExactProperty.assertAgree("subtractExact == itself (long)", 1, ExactProperty.longPairs(1, 2_000),
                Math::subtractExact, Math::subtractExact);
    }

    @Test
    void aWrappingSubtraction_isCaught_onTheOverflowingPairs() {
        AssertionError caught = assertThrows(AssertionError.class, () -> ExactProperty.assertAgree("wrapping", 7,
                ExactProperty.intPairs(7, 2_000), Math::subtractExact, (a, b) -> a - b));
        assertTrue(caught.getMessage().contains("ArithmeticException: integer overflow")
                && caught.getMessage().contains("-Dneuraladder.seed=7"), caught.getMessage());
        assertThrows(AssertionError.class, () -> ExactProperty.assertAgree("wrapping", 7,
                ExactProperty.longPairs(7, 2_000), Math::subtractExact, (a, b) -> a - b));
    }

    @Test
    void aSubtractionThatLosesOneBorrow_isCaught_byTheBorrowHeavyPairs() {
        // Wrong only where a borrow crosses bit 20: uniform pairs alone would rarely see it twice.
        assertThrows(AssertionError.class, () -> ExactProperty.assertAgree("lost borrow", 3,
                ExactProperty.intPairs(3, 2_000), (a, b) -> a - b,
                (a, b) -> ((a & 0xFFFFF) < (b & 0xFFFFF)) ? (a - b) + (1 << 20) : a - b));
    }
}
