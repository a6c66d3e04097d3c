package io.neuraladder.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuraladder.sampling.OperandSamples;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OverflowTest {

    @Test
    void overflows_agreesWithMathAddExact_onEdgeAndMixedPairs() {
        var pairs = OperandSamples.edgePairs().concat(OperandSamples.mixed(new SplittableRandom(3), 100_000));
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.a()[i];
            int b = pairs.b()[i];
            assertEquals(mathOverflows(a, b), Overflow.overflows(a, b, a + b), a + " + " + b);
        }
    }

    @Test
    void checked_throwsLikeMathAddExact() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> Overflow.checked(Integer.MAX_VALUE, 1, Integer.MIN_VALUE));
        assertEquals("integer overflow", error.getMessage());
        assertEquals(-4, Overflow.checked(-7, 3, -4));
    }

    private static boolean mathOverflows(int a, int b) {
        try {
            Math.addExact(a, b);
            return false;
        } catch (ArithmeticException e) {
            return true;
        }
    }
}
