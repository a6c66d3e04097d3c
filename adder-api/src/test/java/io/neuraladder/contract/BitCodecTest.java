package io.neuraladder.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.neuraladder.sampling.OperandSamples;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitCodecTest {

    @Test
    void bit_readsTwosComplementLeastSignificantFirst_andSignExtends() {
        assertEquals(1, BitCodec.bit(0b101, 0));
        assertEquals(0, BitCodec.bit(0b101, 1));
        assertEquals(1, BitCodec.bit(0b101, 2));
        assertEquals(1, BitCodec.bit(-1, 31));
        assertEquals(1, BitCodec.bit(Integer.MIN_VALUE, 40));
        assertEquals(0, BitCodec.bit(Integer.MAX_VALUE, 40));
    }

    @Test
    void encode_writesTimeMajorStepsBatchFeatures() {
        FloatBuffer input = FloatBuffer.allocate(BitCodec.inputSize(2));
        BitCodec.encode(new int[] {9, 0b01, 0b10}, new int[] {9, 0b10, 0b11}, 1, 2, input);
        // [t][i][k] at (t * count + i) * 2 + k
        assertEquals(1f, input.get(0)); // t0, pair0, a=01 -> 1
        assertEquals(0f, input.get(1)); // t0, pair0, b=10 -> 0
        assertEquals(0f, input.get(2)); // t0, pair1, a=10 -> 0
        assertEquals(1f, input.get(3)); // t0, pair1, b=11 -> 1
        assertEquals(0f, input.get(4)); // t1, pair0, a -> 0
        assertEquals(1f, input.get(5)); // t1, pair0, b -> 1
    }

    @Test
    void decode_invertsAnExactSumTensor() {
        var pairs = OperandSamples.mixed(new SplittableRandom(7), 500);
        int n = pairs.size();
        FloatBuffer output = FloatBuffer.allocate(BitCodec.outputSize(n));
        for (int i = 0; i < n; i++) {
            int sum = pairs.a()[i] + pairs.b()[i];
            for (int t = 0; t < ModelContract.INT_STEPS; t++) {
                output.put(t * n + i, BitCodec.bit(sum, t) == 1 ? 0.93f : 0.02f);
            }
        }
        int[] sums = new int[n];
        BitCodec.decode(output, n, sums, 0);
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = pairs.a()[i] + pairs.b()[i];
        }
        assertArrayEquals(expected, sums);
    }

    @Test
    void decode_singlePair_thresholdIsStrict() {
        FloatBuffer output = FloatBuffer.allocate(BitCodec.outputSize(1));
        output.put(0, 0.5f);
        output.put(1, 0.5001f);
        assertEquals(0b10, BitCodec.decode(output));
    }

    @Test
    void encodeAndDecode_rejectTooSmallBuffers() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> BitCodec.encode(1, 2, FloatBuffer.allocate(10)));
        assertEquals("the input buffer holds 10 floats but 64 are needed", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BitCodec.decode(FloatBuffer.allocate(31)));
    }

    @Test
    void shapes_matchTheContract() {
        assertArrayEquals(new long[] {32, 5, 2}, BitCodec.inputShape(5));
        assertArrayEquals(new long[] {32, 5, 1}, BitCodec.outputShape(5));
    }
}
