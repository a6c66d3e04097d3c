package io.neuraladder.api;

/**
 * An integer adder whose sums are computed by a learned model.
 *
 * <p>{@link #add(int, int)} has the contract of {@link Math#addExact(int, int)}: it returns the
 * sum, or throws {@link ArithmeticException} exactly when the sum does not fit in an {@code int}.
 * {@link #addWrapping(int, int)} has the contract of Java's {@code +}: the 32-bit two's-complement
 * sum, wrapping on overflow.
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
     * Describes the model behind this adder, as read from the model file's metadata.
     *
     * @throws IllegalStateException if this adder is closed
     */
    ModelInfo model();

    /** Releases the model's native resources. Idempotent. */
    @Override
    void close();
}
