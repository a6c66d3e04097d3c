package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.neuraladder.api.Adder;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchAddTest {

    private static Adder adder;

    @BeforeAll
    static void open() {
        adder = NeuralAdder.open(ShippedModels.requireDefault());
    }

    @AfterAll
    static void close() {
        adder.close();
    }

    @Test
    void add_returnsExactSums_acrossChunkBoundaries() {
        for (int n : new int[] {0, 1, BatchCall.CHUNK - 1, BatchCall.CHUNK, BatchCall.CHUNK + 1, 3 * BatchCall.CHUNK + 17}) {
            IntPairs pairs = nonOverflowing(OperandSamples.mixed(new SplittableRandom(n), n));
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = Math.addExact(pairs.a()[i], pairs.b()[i]);
            }
            assertArrayEquals(expected, adder.add(pairs.a(), pairs.b()), "batch of " + n);
        }
    }

    @Test
    void add_namesTheFirstOverflowingIndex() {
        int[] a = {1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE};
        int[] b = {1, 2, 1, -1};
        var error = assertThrows(ArithmeticException.class, () -> adder.add(a, b));
        assertEquals("integer overflow at index 2: 2147483647 + 1", error.getMessage());
        assertArrayEquals(new int[] {2, 4, Integer.MIN_VALUE, Integer.MAX_VALUE}, adder.addWrapping(a, b));
    }

    @Test
    void addWrapping_intoCallerArray_andRefusesMismatchedLengths() {
        int[] sums = new int[2];
        adder.addWrapping(new int[] {535, -7}, new int[] {61, 3}, sums);
        assertArrayEquals(new int[] {596, -4}, sums);
        var error = assertThrows(IllegalArgumentException.class,
                () -> adder.addWrapping(new int[3], new int[2], new int[3]));
        assertEquals("arrays differ in length: a has 3 elements, b 2, sums 3", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> adder.add(new int[1], new int[2]));
    }

    @Test
    void staticFacade_addsArrays() {
        assertArrayEquals(new int[] {596, -4}, NeuralAdder.add(new int[] {535, -7}, new int[] {61, 3}));
        assertArrayEquals(new int[] {Integer.MIN_VALUE}, NeuralAdder.addWrapping(new int[] {Integer.MAX_VALUE}, new int[] {1}));
    }

    private static IntPairs nonOverflowing(IntPairs pairs) {
        int[] b = pairs.b().clone();
        for (int i = 0; i < b.length; i++) {
            long exact = (long) pairs.a()[i] + b[i];
            if (exact != (int) exact) {
                b[i] = 0;
            }
        }
        return new IntPairs(pairs.a(), b);
    }
}
