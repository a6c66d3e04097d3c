package io.neuraladder.compose;

import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.ModelIntegrityException;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.api.Overflow;
import io.neuraladder.common.Checks;
import io.neuraladder.engine.ReloadableEngine;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An {@link Adder} whose model can be replaced while it serves: {@link #reload(Path)} loads and
 * checks the new model first, then switches to it, then closes the old one once its calls in
 * flight have finished. A failed reload throws and leaves the old model serving; no call fails or
 * sees a wrong sum because of a reload. Thread-safe.
 *
 * <p>Obtain one from {@code NeuralAdder.open(Path)} or {@code NeuralAdder.builder()}.
 */
public final class ReloadableAdder implements Adder {

    private final ReloadableEngine engine;

    public ReloadableAdder(ReloadableEngine engine) {
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
        Checks.requireWithinLimit(a, b);
        return engine.call(e -> e.exact(a, b));
    }

    @Override
    public int[] add(int[] a, int[] b) {
        return Overflow.checked(a, b, addWrapping(a, b));
    }

    @Override
    public int[] addWrapping(int[] a, int[] b) {
        Checks.requireSameLength(a.length, b.length);
        int[] sums = new int[a.length];
        addWrapping(a, b, sums);
        return sums;
    }

    @Override
    public void addWrapping(int[] a, int[] b, int[] sums) {
        Checks.requireSameLength(a.length, b.length, sums.length, "sums");
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
        Checks.requireSameLength(a.length, b.length);
        long[] sums = new long[a.length];
        addWrapping(a, b, sums);
        return sums;
    }

    @Override
    public void addWrapping(long[] a, long[] b, long[] sums) {
        Checks.requireSameLength(a.length, b.length, sums.length, "sums");
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

    /** The hot-swappable engine, for the operations composed from this adder ({@link Multiplier}). */
    ReloadableEngine engine() {
        return engine;
    }
}
