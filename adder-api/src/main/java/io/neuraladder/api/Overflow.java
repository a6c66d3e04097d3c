package io.neuraladder.api;

/**
 * Decides integer overflow the way {@link Math#addExact(int, int)} and
 * {@link Math#subtractExact(int, int)} do, from the operands and the wrapped result alone (sign
 * bits only): an addition overflows exactly when both operands have the same sign and the wrapped
 * sum has the other one; a subtraction {@code a - b} exactly when the operands have different signs
 * and the wrapped difference's sign is not {@code a}'s.
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

    /**
     * Returns {@code wrappedDifference} if {@code a - b} fits in an int.
     *
     * @throws ArithmeticException with the message {@code "integer overflow"}, as
     *     {@link Math#subtractExact(int, int)} does, if the exact difference does not fit
     */
    public static int checkedDifference(int a, int b, int wrappedDifference) {
        if (differenceOverflows(a, b, wrappedDifference)) {
            throw new ArithmeticException("integer overflow");
        }
        return wrappedDifference;
    }

    /**
     * Returns {@code wrappedDifferences} if every {@code a[i] - b[i]} fits in an int.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     */
    public static int[] checkedDifferences(int[] a, int[] b, int[] wrappedDifferences) {
        for (int i = 0; i < wrappedDifferences.length; i++) {
            if (differenceOverflows(a[i], b[i], wrappedDifferences[i])) {
                throw new ArithmeticException("integer overflow at index " + i + ": " + a[i] + " - " + b[i]);
            }
        }
        return wrappedDifferences;
    }

    /**
     * Returns {@code wrappedDifference} if {@code a - b} fits in a long.
     *
     * @throws ArithmeticException with the message {@code "long overflow"}, as
     *     {@link Math#subtractExact(long, long)} does, if the exact difference does not fit
     */
    public static long checkedDifference(long a, long b, long wrappedDifference) {
        if (differenceOverflows(a, b, wrappedDifference)) {
            throw new ArithmeticException("long overflow");
        }
        return wrappedDifference;
    }

    /**
     * Returns {@code wrappedDifferences} if every {@code a[i] - b[i]} fits in a long.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     */
    public static long[] checkedDifferences(long[] a, long[] b, long[] wrappedDifferences) {
        for (int i = 0; i < wrappedDifferences.length; i++) {
            if (differenceOverflows(a[i], b[i], wrappedDifferences[i])) {
                throw new ArithmeticException("long overflow at index " + i + ": " + a[i] + " - " + b[i]);
            }
        }
        return wrappedDifferences;
    }

    /** Whether {@code a - b}, whose wrapped difference is {@code wrapped}, overflows an int. */
    public static boolean differenceOverflows(int a, int b, int wrapped) {
        return ((a ^ b) & (a ^ wrapped)) < 0;
    }

    /** Whether {@code a - b}, whose wrapped difference is {@code wrapped}, overflows a long. */
    public static boolean differenceOverflows(long a, long b, long wrapped) {
        return ((a ^ b) & (a ^ wrapped)) < 0;
    }

    /**
     * {@code Integer.compare(a, b)} from the wrapped difference {@code a - b} alone: 0 when it is 0,
     * else its sign, flipped when the difference overflowed.
     */
    public static int compareFromDifference(int a, int b, int wrapped) {
        return wrapped == 0 ? 0 : (wrapped < 0) != differenceOverflows(a, b, wrapped) ? -1 : 1;
    }

    /** {@code Long.compare(a, b)} from the wrapped difference {@code a - b} alone. */
    public static int compareFromDifference(long a, long b, long wrapped) {
        return wrapped == 0 ? 0 : (wrapped < 0) != differenceOverflows(a, b, wrapped) ? -1 : 1;
    }
}
