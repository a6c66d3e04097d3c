package io.neuraladder.engine;

import io.neuraladder.api.ModelInfo;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;

/**
 * One loaded model of an {@link Operator} serving ints, longs and {@link BigInteger}s: its
 * results wrapped to the operands' width, as {@code +} and {@code -} wrap.
 * {@link BitSerialEngine} serves a bit-serial model, {@link DigitSerialEngine} a digit-serial one
 * whose radix is a power of two (several bits per step). {@link ReloadableEngine} loads one and adds hot swapping
 * on top, and the front ends ({@code ReloadableAdder}, {@code LearnedMath}) the exact contracts.
 * Implementations are thread-safe; a call that finds the engine closed throws
 * {@link ClosedException}, so that a reloading holder can retry on the replacement.
 */
public interface OperatorEngine extends AutoCloseable {

    /** Where the model came from and what its file says about itself. */
    ModelInfo model();

    /** The low 32 bits of {@code a op b}. */
    int wrapped(int a, int b);

    /** The low 64 bits of {@code a op b}. */
    long wrapped(long a, long b);

    /** {@code a op b} exactly, both operands checked by the caller to be at most {@code Adder.MAX_BIG_INTEGER_BITS} long. */
    BigInteger exact(BigInteger a, BigInteger b);

    /**
     * {@code a[i] op b[i]} exactly for every index, each operand checked by the caller to be at
     * most {@code Adder.MAX_BIG_INTEGER_BITS} long; by default one run per pair, a bit-serial
     * engine batches them.
     */
    default BigInteger[] exact(BigInteger[] a, BigInteger[] b) {
        BigInteger[] results = new BigInteger[a.length];
        for (int i = 0; i < a.length; i++) {
            results[i] = exact(a[i], b[i]);
        }
        return results;
    }

    /** Writes the wrapped results of arrays of equal length, checked by the caller, into {@code results}. */
    void wrapped(int[] a, int[] b, int[] results);

    /** Writes the wrapped results of arrays of equal length, checked by the caller, into {@code results}. */
    void wrapped(long[] a, long[] b, long[] results);

    /**
     * The sums of each item's {@code 2^levels} 64-bit terms ({@code terms} holds them item after
     * item) modulo 2^{@code steps} ({@code 1 ≤ steps ≤ 64}), read as {@code steps}-bit two's-complement
     * numbers, every bit computed by this model: by default level after level of
     * {@link #wrapped(long[], long[], long[])}; a bit-serial engine runs the whole tree at once, over
     * {@code steps} steps. Only for an adder's engine.
     */
    default long[] sums(long[] terms, int levels, int steps) {
        long[] level = terms;
        for (int l = 0; l < levels; l++) {
            int half = level.length / 2;
            long[] a = new long[half];
            long[] b = new long[half];
            for (int i = 0; i < half; i++) {
                a[i] = level[2 * i];
                b[i] = level[2 * i + 1];
            }
            long[] next = new long[half];
            wrapped(a, b, next);
            level = next;
        }
        for (int i = 0; i < level.length; i++) {
            level[i] = TwosComplement.signExtended(level[i], steps);
        }
        return level;
    }

    /** Closes the sessions once every call in flight has finished. Idempotent. */
    @Override
    void close();

    /** Thrown by a call that finds its engine closed, so that a reloading holder can retry. */
    final class ClosedException extends IllegalStateException {
        ClosedException(String message) {
            super(message);
        }
    }
}
