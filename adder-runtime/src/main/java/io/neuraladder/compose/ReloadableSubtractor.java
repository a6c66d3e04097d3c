package io.neuraladder.compose;

import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.api.Overflow;
import io.neuraladder.api.Subtractor;
import io.neuraladder.common.Checks;
import io.neuraladder.engine.ReloadableEngine;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A learned subtractor serving {@link Math}'s exact subtraction family on ints, longs and
 * {@link BigInteger}s, whose model can be replaced while it serves ({@link #reload}); the model is
 * checked as a subtractor at every load, whatever its metadata says. Every difference is the
 * network's; the Java around it only reads sign bits ({@link Overflow}) and chooses operands
 * ({@code 0 - a} for negation). Obtain one from {@code NeuralMath.openSubtractor(Path)}; close it
 * when done. Thread-safe.
 */
public final class ReloadableSubtractor implements Subtractor {

    private final ReloadableEngine engine;

    public ReloadableSubtractor(ReloadableEngine engine) {
        this.engine = engine;
    }

    /**
     * {@code a - b}, like {@link Math#subtractExact(int, int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the difference does not fit
     */
    public int subtractExact(int a, int b) {
        return Overflow.checkedDifference(a, b, engine.wrapped(a, b));
    }

    /**
     * {@code a - b}, like {@link Math#subtractExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the difference does not fit
     */
    public long subtractExact(long a, long b) {
        return Overflow.checkedDifference(a, b, subtractWrapping(a, b));
    }

    /** {@code a - b} wrapped to 32 bits, like Java's {@code -}. */
    public int subtractWrapping(int a, int b) {
        return engine.wrapped(a, b);
    }

    /** {@code a - b} wrapped to 64 bits, like Java's {@code -}. */
    public long subtractWrapping(long a, long b) {
        return engine.call(e -> e.wrapped(a, b));
    }

    /**
     * {@code -a}, computed as {@code 0 - a}, like {@link Math#negateExact(int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MIN_VALUE}
     */
    public int negateExact(int a) {
        return subtractExact(0, a);
    }

    /**
     * {@code -a}, computed as {@code 0 - a}, like {@link Math#negateExact(long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MIN_VALUE}
     */
    public long negateExact(long a) {
        return subtractExact(0L, a);
    }

    /**
     * {@code |a|}, like {@link Math#absExact(int)}: {@code a} itself when its sign bit is clear,
     * else {@code 0 - a}.
     *
     * @throws ArithmeticException with {@link Math#absExact(int)}'s message for {@link Integer#MIN_VALUE}
     */
    public int absExact(int a) {
        if (a >= 0) {
            return a;
        }
        int negated = subtractWrapping(0, a);
        if (Overflow.differenceOverflows(0, a, negated)) {
            throw new ArithmeticException("Overflow to represent absolute value of Integer.MIN_VALUE");
        }
        return negated;
    }

    /**
     * {@code |a|}, like {@link Math#absExact(long)}.
     *
     * @throws ArithmeticException with {@link Math#absExact(long)}'s message for {@link Long#MIN_VALUE}
     */
    public long absExact(long a) {
        if (a >= 0) {
            return a;
        }
        long negated = subtractWrapping(0L, a);
        if (Overflow.differenceOverflows(0L, a, negated)) {
            throw new ArithmeticException("Overflow to represent absolute value of Long.MIN_VALUE");
        }
        return negated;
    }

    /**
     * {@link Integer#compare(int, int)}: -1, 0 or 1, decided from the learned difference
     * {@code a - b} (0 when it is 0, else its sign, flipped when it overflowed).
     */
    public int compare(int a, int b) {
        return Overflow.compareFromDifference(a, b, subtractWrapping(a, b));
    }

    /** {@link Long#compare(long, long)}: -1, 0 or 1, decided from the learned difference {@code a - b}. */
    public int compare(long a, long b) {
        return Overflow.compareFromDifference(a, b, subtractWrapping(a, b));
    }

    /**
     * {@code a - b} for integers of any signs and sizes, like {@link BigInteger#subtract}: both
     * operands sign-extended to two more bits than the longer has, so that the two's-complement
     * difference at that width is the exact one.
     *
     * @throws IllegalArgumentException if an operand is longer than {@link io.neuraladder.api.Adder#MAX_BIG_INTEGER_BITS} bits
     */
    public BigInteger subtract(BigInteger a, BigInteger b) {
        Checks.requireWithinLimit(a, b);
        return engine.call(e -> e.exact(a, b));
    }

    /**
     * {@code a[i] - b[i]} for every index, like {@link Math#subtractExact(int, int)} per element,
     * in bounded chunks.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] subtractExact(int[] a, int[] b) {
        Checks.requireSameLength(a.length, b.length);
        int[] differences = new int[a.length];
        engine.call(e -> {
            e.wrapped(a, b, differences);
            return null;
        });
        return Overflow.checkedDifferences(a, b, differences);
    }

    /**
     * {@code a[i] - b[i]} for every index, like {@link Math#subtractExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] subtractExact(long[] a, long[] b) {
        Checks.requireSameLength(a.length, b.length);
        long[] differences = new long[a.length];
        engine.call(e -> {
            e.wrapped(a, b, differences);
            return null;
        });
        return Overflow.checkedDifferences(a, b, differences);
    }

    /** What the model is: its source, metadata and certificate check. */
    public ModelInfo model() {
        return engine.model();
    }

    /**
     * Replaces the model with the file {@code model}, checked as a subtractor like the first.
     * Calls in flight finish on the old model.
     *
     * @throws ModelLoadException if the file is refused (an adder, say); the old model keeps serving
     * @throws IllegalStateException if this subtractor is closed
     */
    public void reload(Path model) {
        engine.reload(Objects.requireNonNull(model, "model"), null);
    }

    /** Closes the model once its calls in flight have finished. Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "ReloadableSubtractor[" + engine.model().source() + "]";
    }

    /** The hot-swappable engine, for the operations composed from this subtractor ({@code LearnedMath}). */
    ReloadableEngine engine() {
        return engine;
    }
}
