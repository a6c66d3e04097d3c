package io.neuraladder.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.api.Overflow;
import org.junit.jupiter.api.Test;

class AddExactPropertyTest {

    @Test
    void holds_forMathAddExactItself() {
        AddExactProperty.assertHolds("Math.addExact", Math::addExact, AddExactProperty.DEFAULT_SAMPLES);
    }

    @Test
    void rejects_wrappingAdditionThatNeverThrows() {
        var outcome = AddExactProperty.check((a, b) -> a + b, 1_000, 1L);
        assertFalse(outcome.holds());
        assertEquals("ArithmeticException", outcome.counterexample().orElseThrow().expected());
    }

    @Test
    void rejects_anAdderThatDropsCarriesOutOfTheLowHalf() {
        var outcome = AddExactProperty.check(AddExactPropertyTest::carryLosingAdd, 10_000, 2L);
        assertFalse(outcome.holds(), "a carry bug at bit 16 must be found");
    }

    @Test
    void assertHolds_namesCounterexampleAndReplaySeed() {
        var error = assertThrows(AssertionError.class,
                () -> AddExactProperty.assertHolds("carry-losing adder", AddExactPropertyTest::carryLosingAdd, 10_000));
        assertTrue(error.getMessage().contains("-Dneuraladder.seed="), error.getMessage());
    }

    @Test
    void check_isDeterministicForASeed() {
        var first = AddExactProperty.check(AddExactPropertyTest::carryLosingAdd, 10_000, 42L);
        var second = AddExactProperty.check(AddExactPropertyTest::carryLosingAdd, 10_000, 42L);
        assertEquals(first, second);
    }

    /** Adds the halves separately and loses the carry from bit 15 into bit 16. */
    private static int carryLosingAdd(int a, int b) {
        int low = (a + b) & 0xFFFF;
        int high = ((a >>> 16) + (b >>> 16)) << 16;
        return Overflow.checked(a, b, high | low);
    }
}
