package io.neuraladder.contract;

import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes operands into the contract's input tensor and decodes sums from its output tensor.
 *
 * <p>Both tensors are laid out time-major as {@link ModelContract} describes: element
 * {@code [t][i][k]} of a tensor holding {@code count} pairs is at index
 * {@code (t * count + i) * features + k}. Operands are written in two's complement, least
 * significant bit first.
 */
public final class BitCodec {

    private BitCodec() {}

    /** Bit {@code step} of {@code value} as 0 or 1; steps beyond 31 repeat the sign bit. */
    public static int bit(int value, int step) {
        return (value >> Math.min(step, Integer.SIZE - 1)) & 1;
    }

    /**
     * Writes the bits of the pairs {@code a[from + i], b[from + i]}, {@code 0 <= i < count}, into
     * {@code input} as an {@code [32, count, 2]} tensor, starting at absolute index 0.
     *
     * @throws IllegalArgumentException if the arrays or the buffer are too small
     */
    public static void encode(int[] a, int[] b, int from, int count, FloatBuffer input) {
        Objects.checkFromIndexSize(from, count, a.length);
        Objects.checkFromIndexSize(from, count, b.length);
        requireCapacity(input, inputSize(count), "input");
        for (int t = 0; t < ModelContract.INT_STEPS; t++) {
            int row = t * count * ModelContract.INPUT_FEATURES;
            for (int i = 0; i < count; i++) {
                int at = row + i * ModelContract.INPUT_FEATURES;
                input.put(at, bit(a[from + i], t));
                input.put(at + 1, bit(b[from + i], t));
            }
        }
    }

    /** Writes one pair as an {@code [32, 1, 2]} tensor, starting at absolute index 0. */
    public static void encode(int a, int b, FloatBuffer input) {
        requireCapacity(input, inputSize(1), "input");
        for (int t = 0; t < ModelContract.INT_STEPS; t++) {
            input.put(2 * t, bit(a, t));
            input.put(2 * t + 1, bit(b, t));
        }
    }

    /**
     * Reads {@code count} sums from an {@code [32, count, 1]} output tensor starting at absolute
     * index 0, into {@code sums[to .. to + count)}.
     */
    public static void decode(FloatBuffer output, int count, int[] sums, int to) {
        Objects.checkFromIndexSize(to, count, sums.length);
        requireCapacity(output, outputSize(count), "output");
        Arrays.fill(sums, to, to + count, 0);
        for (int t = 0; t < ModelContract.INT_STEPS; t++) {
            int row = t * count;
            for (int i = 0; i < count; i++) {
                if (output.get(row + i) > ModelContract.THRESHOLD) {
                    sums[to + i] |= 1 << t;
                }
            }
        }
    }

    /** Reads the one sum of an {@code [32, 1, 1]} output tensor. */
    public static int decode(FloatBuffer output) {
        requireCapacity(output, outputSize(1), "output");
        int sum = 0;
        for (int t = 0; t < ModelContract.INT_STEPS; t++) {
            if (output.get(t) > ModelContract.THRESHOLD) {
                sum |= 1 << t;
            }
        }
        return sum;
    }

    /** Bit {@code step} of {@code value} as 0 or 1; steps beyond 63 repeat the sign bit. */
    public static int bit(long value, int step) {
        return (int) ((value >> Math.min(step, Long.SIZE - 1)) & 1);
    }

    /**
     * Writes the bits of the long pairs {@code a[from + i], b[from + i]}, {@code 0 <= i < count},
     * into {@code input} as a {@code [64, count, 2]} tensor, starting at absolute index 0.
     */
    public static void encode(long[] a, long[] b, int from, int count, FloatBuffer input) {
        Objects.checkFromIndexSize(from, count, a.length);
        Objects.checkFromIndexSize(from, count, b.length);
        requireCapacity(input, Long.SIZE * count * ModelContract.INPUT_FEATURES, "input");
        for (int t = 0; t < Long.SIZE; t++) {
            int row = t * count * ModelContract.INPUT_FEATURES;
            for (int i = 0; i < count; i++) {
                int at = row + i * ModelContract.INPUT_FEATURES;
                input.put(at, bit(a[from + i], t));
                input.put(at + 1, bit(b[from + i], t));
            }
        }
    }

    /** Reads {@code count} 64-bit sums from a {@code [64, count, 1]} output tensor into {@code sums[to ..]}. */
    public static void decode(FloatBuffer output, int count, long[] sums, int to) {
        Objects.checkFromIndexSize(to, count, sums.length);
        requireCapacity(output, Long.SIZE * count, "output");
        Arrays.fill(sums, to, to + count, 0);
        for (int t = 0; t < Long.SIZE; t++) {
            int row = t * count;
            for (int i = 0; i < count; i++) {
                if (output.get(row + i) > ModelContract.THRESHOLD) {
                    sums[to + i] |= 1L << t;
                }
            }
        }
    }

    /** Writes one pair of longs as a {@code [64, 1, 2]} input tensor, starting at absolute index 0. */
    public static void encode(long a, long b, FloatBuffer input) {
        requireCapacity(input, Long.SIZE * ModelContract.INPUT_FEATURES, "input");
        for (int t = 0; t < Long.SIZE; t++) {
            input.put(2 * t, bit(a, t));
            input.put(2 * t + 1, bit(b, t));
        }
    }

    /** Reads the one 64-bit sum of a {@code [64, 1, 1]} output tensor. */
    public static long decodeLong(FloatBuffer output) {
        requireCapacity(output, Long.SIZE, "output");
        long sum = 0;
        for (int t = 0; t < Long.SIZE; t++) {
            if (output.get(t) > ModelContract.THRESHOLD) {
                sum |= 1L << t;
            }
        }
        return sum;
    }

    /**
     * Steps that add {@code a} and {@code b} exactly: both in two's complement with one sign bit,
     * plus one step for the final carry.
     */
    public static int steps(BigInteger a, BigInteger b) {
        return Math.max(a.bitLength(), b.bitLength()) + 2;
    }

    /** Writes one pair as a {@code [steps, 1, 2]} input tensor, sign-extended, from absolute index 0. */
    public static void encode(BigInteger a, BigInteger b, int steps, FloatBuffer input) {
        requireCapacity(input, steps * ModelContract.INPUT_FEATURES, "input");
        for (int t = 0; t < steps; t++) {
            input.put(2 * t, a.testBit(t) ? 1f : 0f);
            input.put(2 * t + 1, b.testBit(t) ? 1f : 0f);
        }
    }

    /** Reads a {@code steps}-bit two's-complement sum from a {@code [steps, 1, 1]} output tensor. */
    public static BigInteger decodeBigInteger(FloatBuffer output, int steps) {
        requireCapacity(output, steps, "output");
        byte[] bigEndian = new byte[(steps + 7) / 8];
        for (int t = 0; t < bigEndian.length * 8; t++) {
            boolean set = output.get(Math.min(t, steps - 1)) > ModelContract.THRESHOLD;
            if (set) {
                bigEndian[bigEndian.length - 1 - t / 8] |= (byte) (1 << (t % 8));
            }
        }
        return new BigInteger(bigEndian);
    }

    /** Floats in an input tensor of {@code count} int pairs. */
    public static int inputSize(int count) {
        return ModelContract.INT_STEPS * count * ModelContract.INPUT_FEATURES;
    }

    /** Floats in an output tensor of {@code count} int sums. */
    public static int outputSize(int count) {
        return ModelContract.INT_STEPS * count * ModelContract.OUTPUT_FEATURES;
    }

    /** The shape of an input tensor of {@code count} int pairs. */
    public static long[] inputShape(int count) {
        return new long[] {ModelContract.INT_STEPS, count, ModelContract.INPUT_FEATURES};
    }

    /** The shape of an output tensor of {@code count} int sums. */
    public static long[] outputShape(int count) {
        return new long[] {ModelContract.INT_STEPS, count, ModelContract.OUTPUT_FEATURES};
    }

    private static void requireCapacity(FloatBuffer buffer, int needed, String role) {
        if (buffer.limit() < needed) {
            throw new IllegalArgumentException(
                    "the " + role + " buffer holds " + buffer.limit() + " floats but " + needed + " are needed");
        }
    }
}
