package io.neuraladder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.Adder;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
        assertEquals("arrays differ in length: a has 3 elements, b 2", error.getMessage());
        var results = assertThrows(IllegalArgumentException.class,
                () -> adder.addWrapping(new int[2], new int[2], new int[3]));
        assertEquals("the sums array has 3 elements; it must have one per operand pair (2)", results.getMessage());
        var arrays = assertThrows(IllegalArgumentException.class, () -> adder.add(new int[3], new int[2]));
        assertEquals("arrays differ in length: a has 3 elements, b 2", arrays.getMessage(), "no third array is named");
        var longs = assertThrows(IllegalArgumentException.class, () -> adder.add(new long[3], new long[2]));
        assertEquals("arrays differ in length: a has 3 elements, b 2", longs.getMessage());
    }

    @Test
    void addLongs_matchesMathAddExact_acrossChunkBoundaries_andNamesTheOverflowingIndex() {
        SplittableRandom random = new SplittableRandom(8);
        for (int n : new int[] {0, 1, 7, 2048, 2049, 5000}) {
            long[] a = new long[n];
            long[] b = new long[n];
            long[] expected = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextLong() >> 1;
                b[i] = i % 3 == 0 ? -a[i] : random.nextLong() >> 1;
                expected[i] = Math.addExact(a[i], b[i]);
            }
            assertArrayEquals(expected, adder.add(a, b), "batch of " + n);
        }
        var error = assertThrows(ArithmeticException.class,
                () -> adder.add(new long[] {1, Long.MAX_VALUE}, new long[] {2, 1}));
        assertEquals("long overflow at index 1: 9223372036854775807 + 1", error.getMessage());
        assertArrayEquals(new long[] {Long.MIN_VALUE}, adder.addWrapping(new long[] {Long.MAX_VALUE}, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> adder.addWrapping(new long[2], new long[2], new long[1]));
    }

    @Test
    void staticFacade_addsArrays() {
        assertArrayEquals(new int[] {596, -4}, NeuralAdder.add(new int[] {535, -7}, new int[] {61, 3}));
        assertArrayEquals(new int[] {Integer.MIN_VALUE}, NeuralAdder.addWrapping(new int[] {Integer.MAX_VALUE}, new int[] {1}));
        assertArrayEquals(new long[] {5_000_000_000L}, NeuralAdder.add(new long[] {2_000_000_000L}, new long[] {3_000_000_000L}));
        assertArrayEquals(new long[] {Long.MIN_VALUE}, NeuralAdder.addWrapping(new long[] {Long.MAX_VALUE}, new long[] {1L}));
    }

    @Test
    void addWrapping_tenMillionPairsInOneCall_isExact() {
        int n = 10_000_000;
        IntPairs pairs = OperandSamples.mixed(new SplittableRandom(10), n);
        int[] sums = adder.addWrapping(pairs.a(), pairs.b());
        assertEquals(-1, firstWrong(pairs, sums), "the first wrong index");
    }

    @Test
    void theLargestShippedModel_addsAMillionPairsInOneCall_exactly() throws IOException {
        Path largest = ShippedModels.all().stream().max(Comparator.comparingLong(BatchAddTest::size)).orElseThrow();
        IntPairs pairs = OperandSamples.mixed(new SplittableRandom(11), 1_000_000);
        try (Adder big = NeuralAdder.open(largest)) {
            int[] sums = big.addWrapping(pairs.a(), pairs.b());
            assertEquals(-1, firstWrong(pairs, sums), largest + ": the first wrong index");
        }
    }

    private static int firstWrong(IntPairs pairs, int[] sums) {
        for (int i = 0; i < sums.length; i++) {
            if (sums[i] != pairs.a()[i] + pairs.b()[i]) {
                return i;
            }
        }
        return -1;
    }

    private static long size(Path model) {
        try {
            return Files.size(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
