package io.neuraladder.sampling;

import java.util.Arrays;

/**
 * A list of int operand pairs held as two parallel arrays, {@code a[i] + b[i]} being pair {@code i}.
 *
 * @param a the first operands
 * @param b the second operands, as many as {@code a}
 */
public record IntPairs(int[] a, int[] b) {

    /** Checks that both arrays have the same length. */
    public IntPairs {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "operand arrays differ in length: " + a.length + " first operands, " + b.length + " second");
        }
    }

    /** The number of pairs. */
    public int size() {
        return a.length;
    }

    /** These pairs followed by {@code other}'s. */
    public IntPairs concat(IntPairs other) {
        int[] ca = Arrays.copyOf(a, size() + other.size());
        int[] cb = Arrays.copyOf(b, size() + other.size());
        System.arraycopy(other.a, 0, ca, size(), other.size());
        System.arraycopy(other.b, 0, cb, size(), other.size());
        return new IntPairs(ca, cb);
    }

    /** Pairs {@code from} (inclusive) to {@code to} (exclusive). */
    public IntPairs slice(int from, int to) {
        return new IntPairs(Arrays.copyOfRange(a, from, to), Arrays.copyOfRange(b, from, to));
    }
}
