package io.neuraladder.api;

/**
 * Decides integer overflow the way {@link Math#addExact(int, int)} does, from the operands and the
 * wrapped sum alone: an addition overflows exactly when both operands have the same sign and the
 * wrapped sum has the other one.
 */
public final class Overflow {

    private Overflow() {}

    /**
     * Returns {@code wrappedSum} if {@code a + b} fits in an int.
     *
     * @param wrappedSum the 32-bit two's-complement sum of {@code a} and {@code b}
     * @throws ArithmeticException with the message {@code "integer overflow"}, as
     *     {@link Math#addExact(int, int)} does, if the exact sum does not fit
     */
    public static int checked(int a, int b, int wrappedSum) {
        if (overflows(a, b, wrappedSum)) {
            throw new ArithmeticException("integer overflow");
        }
        return wrappedSum;
    }

    /**
     * Returns {@code wrappedSums} if every {@code a[i] + b[i]} fits in an int.
     *
     * @throws ArithmeticException naming the first index whose sum overflows
     */
    public static int[] checked(int[] a, int[] b, int[] wrappedSums) {
        for (int i = 0; i < wrappedSums.length; i++) {
            if (overflows(a[i], b[i], wrappedSums[i])) {
                throw new ArithmeticException("integer overflow at index " + i + ": " + a[i] + " + " + b[i]);
            }
        }
        return wrappedSums;
    }

    /**
     * Returns {@code wrappedSum} if {@code a + b} fits in a long.
     *
     * @throws ArithmeticException with the message {@code "long overflow"}, as
     *     {@link Math#addExact(long, long)} does, if the exact sum does not fit
     */
    public static long checked(long a, long b, long wrappedSum) {
        if (((a ^ wrappedSum) & (b ^ wrappedSum)) < 0) {
            throw new ArithmeticException("long overflow");
        }
        return wrappedSum;
    }

    /**
     * Returns {@code wrappedSums} if every {@code a[i] + b[i]} fits in a long.
     *
     * @throws ArithmeticException naming the first index whose sum overflows
     */
    public static long[] checked(long[] a, long[] b, long[] wrappedSums) {
        for (int i = 0; i < wrappedSums.length; i++) {
            if (((a[i] ^ wrappedSums[i]) & (b[i] ^ wrappedSums[i])) < 0) {
                throw new ArithmeticException("long overflow at index " + i + ": " + a[i] + " + " + b[i]);
            }
        }
        return wrappedSums;
    }

    /** Whether {@code a + b}, whose wrapped sum is {@code wrappedSum}, overflows an int. */
    public static boolean overflows(int a, int b, int wrappedSum) {
        return ((a ^ wrappedSum) & (b ^ wrappedSum)) < 0;
    }
}
