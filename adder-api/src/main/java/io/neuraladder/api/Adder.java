package io.neuraladder.api;

import java.math.BigInteger;
import java.nio.file.Path;

/**
 * An integer adder whose sums are computed by a learned model.
 *
 * <p>{@link #add(int, int)} has the contract of {@link Math#addExact(int, int)}: it returns the
 * sum, or throws {@link ArithmeticException} exactly when the sum does not fit in an {@code int}.
 * {@link #addWrapping(int, int)} has the contract of Java's {@code +}: the 32-bit two's-complement
 * sum, wrapping on overflow. The {@code long} methods are the same at 64 bits, and
 * {@link #add(BigInteger, BigInteger)} adds integers of any size through the same recurrent cell.
 *
 * <p>A model whose carry certificate was checked when it was loaded ({@link ModelInfo#certified()})
 * is proved to add exactly for inputs of every length. A model without one (served only when that
 * was explicitly allowed) was only tested: its int sums were validated on samples, and longer
 * operands (long, BigInteger) may go wrong where ints do not.
 *
 * <p>An adder holds native resources (an inference session); close it when done. Implementations
 * are safe for concurrent use by multiple threads. After {@link #close()}, every call throws
 * {@link IllegalStateException}.
 */
public interface Adder extends AutoCloseable {

    /**
     * Adds two ints like {@link Math#addExact(int, int)}.
     *
     * @return {@code a + b}
     * @throws ArithmeticException if the sum overflows an {@code int}
     * @throws IllegalStateException if this adder is closed
     */
    int add(int a, int b);

    /**
     * Adds two ints like Java's {@code +}: the low 32 bits of the exact sum.
     *
     * @return {@code a + b}, wrapped to 32 bits
     * @throws IllegalStateException if this adder is closed
     */
    int addWrapping(int a, int b);

    /**
     * Adds two longs like {@link Math#addExact(long, long)}, in 64 steps of the same cell.
     *
     * @return {@code a + b}
     * @throws ArithmeticException if the sum overflows a {@code long}
     * @throws IllegalStateException if this adder is closed
     */
    long add(long a, long b);

    /**
     * Adds two longs like Java's {@code +}: the low 64 bits of the exact sum.
     *
     * @throws IllegalStateException if this adder is closed
     */
    long addWrapping(long a, long b);

    /**
     * Adds two integers of any size, like {@link BigInteger#add(BigInteger)}: both operands in two's
     * complement, sign-extended to the longer one's length plus one step for the final carry.
     *
     * @throws IllegalArgumentException if an operand is longer than {@value #MAX_BIG_INTEGER_BITS} bits
     * @throws NullPointerException if an operand is null
     * @throws IllegalStateException if this adder is closed
     */
    BigInteger add(BigInteger a, BigInteger b);

    /** The longest {@link BigInteger} operand, in bits, that {@link #add(BigInteger, BigInteger)} accepts. */
    int MAX_BIG_INTEGER_BITS = 1 << 20;

    /**
     * Adds {@code a[i] + b[i]} for every index, like {@link Math#addExact(int, int)} per element.
     *
     * @return a new array of the sums
     * @throws ArithmeticException naming the first index whose sum overflows; no array is returned
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws IllegalStateException if this adder is closed
     */
    int[] add(int[] a, int[] b);

    /**
     * Adds {@code a[i] + b[i]} for every index, like Java's {@code +} per element.
     *
     * @return a new array of the wrapped sums
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws IllegalStateException if this adder is closed
     */
    int[] addWrapping(int[] a, int[] b);

    /**
     * Writes {@code a[i] + b[i]}, wrapped to 32 bits, into {@code sums[i]} for every index of
     * {@code a}. Arrays of any length are processed in bounded chunks.
     *
     * @throws IllegalArgumentException if {@code b} or {@code sums} differ in length from {@code a}
     * @throws IllegalStateException if this adder is closed
     */
    void addWrapping(int[] a, int[] b, int[] sums);

    /**
     * Adds {@code a[i] + b[i]} for every index, like {@link Math#addExact(long, long)} per element.
     *
     * @return a new array of the sums
     * @throws ArithmeticException naming the first index whose sum overflows; no array is returned
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws IllegalStateException if this adder is closed
     */
    long[] add(long[] a, long[] b);

    /**
     * Adds {@code a[i] + b[i]} for every index, like Java's {@code +} on longs per element.
     *
     * @return a new array of the wrapped sums
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws IllegalStateException if this adder is closed
     */
    long[] addWrapping(long[] a, long[] b);

    /**
     * Writes {@code a[i] + b[i]}, wrapped to 64 bits, into {@code sums[i]} for every index of
     * {@code a}. Arrays of any length are processed in bounded chunks.
     *
     * @throws IllegalArgumentException if {@code b} or {@code sums} differ in length from {@code a}
     * @throws IllegalStateException if this adder is closed
     */
    void addWrapping(long[] a, long[] b, long[] sums);

    /**
     * Describes the model behind this adder, as read from the model file's metadata.
     *
     * @throws IllegalStateException if this adder is closed
     */
    ModelInfo model();

    /**
     * Replaces the model with the file {@code model}, loaded with this adder's options and checked
     * like the first (structure, certificate as an adder's, self-test). Calls in flight finish on
     * the old model; later calls use the new one.
     *
     * @throws ModelLoadException if the new model is refused; the old model keeps serving
     * @throws IllegalStateException if this adder is closed
     */
    void reload(Path model);

    /**
     * Like {@link #reload(Path)}, refusing the file unless its SHA-256 is {@code sha256Hex}.
     *
     * @throws ModelIntegrityException if the file's SHA-256 differs; the old model keeps serving
     */
    void reload(Path model, String sha256Hex);

    /** Releases the model's native resources. Idempotent. */
    @Override
    void close();
}
