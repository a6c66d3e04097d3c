package io.neuraladder;

import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.Overflow;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An {@link Adder} whose model can be replaced while it serves: {@link #reload(Path)} loads and
 * checks the new model first, then switches to it, then closes the old one once its calls in
 * flight have finished. A failed reload throws and leaves the old model serving; no call fails or
 * sees a wrong sum because of a reload. Thread-safe.
 *
 * <p>Obtain one from {@link NeuralAdder#open(Path)} or {@link NeuralAdder#builder()}.
 */
public final class ReloadableAdder implements Adder {

    private final ReloadableEngine engine;

    ReloadableAdder(ReloadableEngine engine) {
        this.engine = engine;
    }

    @Override
    public int add(int a, int b) {
        return Overflow.checked(a, b, engine.wrapped(a, b));
    }

    @Override
    public int addWrapping(int a, int b) {
        return engine.wrapped(a, b);
    }

    @Override
    public long add(long a, long b) {
        return Overflow.checked(a, b, addWrapping(a, b));
    }

    @Override
    public long addWrapping(long a, long b) {
        return engine.call(e -> e.wrapped(a, b));
    }

    @Override
    public BigInteger add(BigInteger a, BigInteger b) {
        requireWithinLimit(a, b);
        return engine.call(e -> e.exact(a, b));
    }

    @Override
    public int[] add(int[] a, int[] b) {
        return Overflow.checked(a, b, addWrapping(a, b));
    }

    @Override
    public int[] addWrapping(int[] a, int[] b) {
        int[] sums = new int[a.length];
        addWrapping(a, b, sums);
        return sums;
    }

    @Override
    public void addWrapping(int[] a, int[] b, int[] sums) {
        requireSameLength(a.length, b.length, sums.length, "sums");
        engine.call(e -> {
            e.wrapped(a, b, sums);
            return null;
        });
    }

    @Override
    public long[] add(long[] a, long[] b) {
        return Overflow.checked(a, b, addWrapping(a, b));
    }

    @Override
    public long[] addWrapping(long[] a, long[] b) {
        long[] sums = new long[a.length];
        addWrapping(a, b, sums);
        return sums;
    }

    @Override
    public void addWrapping(long[] a, long[] b, long[] sums) {
        requireSameLength(a.length, b.length, sums.length, "sums");
        engine.call(e -> {
            e.wrapped(a, b, sums);
            return null;
        });
    }

    @Override
    public ModelInfo model() {
        return engine.model();
    }

    /**
     * Replaces the model with the file {@code model}, loaded with this adder's options and checked
     * like the first. Calls in flight finish on the old model; later calls use the new one.
     *
     * @throws ModelLoadException if the new model is refused; the old model keeps serving
     * @throws IllegalStateException if this adder is closed
     */
    public void reload(Path model) {
        engine.reload(model, null);
    }

    /**
     * Like {@link #reload(Path)}, refusing the file unless its SHA-256 is {@code sha256Hex}.
     *
     * @throws ModelIntegrityException if the file's SHA-256 differs; the old model keeps serving
     */
    public void reload(Path model, String sha256Hex) {
        engine.reload(model, Objects.requireNonNull(sha256Hex, "sha256Hex"));
    }

    /** Closes the model once its calls in flight have finished. Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "ReloadableAdder[" + engine.model().source() + "]";
    }

    /** The hot-swappable engine, for the operations composed from this adder ({@link LearnedMath}). */
    ReloadableEngine engine() {
        return engine;
    }

    /**
     * Refuses operands longer than {@link #MAX_BIG_INTEGER_BITS}, so that one ONNX Runtime run
     * stays within bounded memory.
     */
    static void requireWithinLimit(BigInteger a, BigInteger b) {
        requireBitsAtMost(a, b, MAX_BIG_INTEGER_BITS, "accepted, so that one ONNX Runtime run stays within bounded memory");
    }

    /** Refuses null operands and operands longer than {@code limit} bits, saying why they are {@code why}. */
    static void requireBitsAtMost(BigInteger a, BigInteger b, int limit, String why) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int longest = Math.max(a.bitLength(), b.bitLength());
        if (longest > limit) {
            throw new IllegalArgumentException("an operand has " + longest + " bits; at most " + limit + " are " + why);
        }
    }

    /** Refuses operand arrays of different lengths, naming each length. */
    static void requireSameLength(int a, int b) {
        if (b != a) {
            throw new IllegalArgumentException("arrays differ in length: a has " + a + " elements, b " + b);
        }
    }

    /** Refuses arrays of different lengths, naming each length; {@code results} is what the third holds. */
    static void requireSameLength(int a, int b, int resultLength, String results) {
        if (b != a || resultLength != a) {
            throw new IllegalArgumentException("arrays differ in length: a has " + a + " elements, b " + b + ", "
                    + results + " " + resultLength);
        }
    }
}
