package io.neuraladder.api;

import java.math.BigInteger;
import java.nio.file.Path;

/**
 * A learned subtractor serving {@link Math}'s exact subtraction family on ints, longs and
 * {@link BigInteger}s. Every difference is the network's; the Java around it only reads sign bits
 * ({@link Overflow}) and chooses operands ({@code 0 - a} for negation). Its model is checked as a
 * subtractor at every load, whatever its metadata says, and can be replaced while it serves
 * ({@link #reload}). Thread-safe; holds native resources, so close it when done; after
 * {@link #close()} every call throws {@link IllegalStateException}.
 */
public interface Subtractor extends AutoCloseable {

    /**
     * {@code a - b}, like {@link Math#subtractExact(int, int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the difference does not fit
     */
    int subtractExact(int a, int b);

    /**
     * {@code a - b}, like {@link Math#subtractExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the difference does not fit
     */
    long subtractExact(long a, long b);

    /** {@code a - b} wrapped to 32 bits, like Java's {@code -}. */
    int subtractWrapping(int a, int b);

    /** {@code a - b} wrapped to 64 bits, like Java's {@code -}. */
    long subtractWrapping(long a, long b);

    /**
     * {@code -a}, computed as {@code 0 - a}, like {@link Math#negateExact(int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MIN_VALUE}
     */
    int negateExact(int a);

    /**
     * {@code -a}, computed as {@code 0 - a}, like {@link Math#negateExact(long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MIN_VALUE}
     */
    long negateExact(long a);

    /**
     * {@code |a|}, like {@link Math#absExact(int)}.
     *
     * @throws ArithmeticException with {@link Math#absExact(int)}'s message for {@link Integer#MIN_VALUE}
     */
    int absExact(int a);

    /**
     * {@code |a|}, like {@link Math#absExact(long)}.
     *
     * @throws ArithmeticException with {@link Math#absExact(long)}'s message for {@link Long#MIN_VALUE}
     */
    long absExact(long a);

    /** Like {@link Integer#compare(int, int)}: -1, 0 or 1, from the learned difference {@code a - b}. */
    int compare(int a, int b);

    /** Like {@link Long#compare(long, long)}: -1, 0 or 1, from the learned difference {@code a - b}. */
    int compare(long a, long b);

    /**
     * {@code a - b} for integers of any signs and sizes, like {@link BigInteger#subtract}.
     *
     * @throws IllegalArgumentException if an operand is longer than {@link Adder#MAX_BIG_INTEGER_BITS} bits
     */
    BigInteger subtract(BigInteger a, BigInteger b);

    /**
     * {@code a[i] - b[i]} for every index, like {@link Math#subtractExact(int, int)} per element.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    int[] subtractExact(int[] a, int[] b);

    /**
     * {@code a[i] - b[i]} for every index, like {@link Math#subtractExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    long[] subtractExact(long[] a, long[] b);

    /** What the model is: its source, metadata and certificate check. */
    ModelInfo model();

    /**
     * Replaces the model with the file {@code model}, checked as a subtractor like the first.
     * Calls in flight finish on the old model.
     *
     * @throws ModelLoadException if the file is refused (an adder, say); the old model keeps serving
     * @throws IllegalStateException if this subtractor is closed
     */
    void reload(Path model);

    /** Closes the model once its calls in flight have finished. Idempotent. */
    @Override
    void close();
}
