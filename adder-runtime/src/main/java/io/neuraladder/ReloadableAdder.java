package io.neuraladder;

import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.Overflow;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Adder} whose model can be replaced while it serves: {@link #reload(Path)} loads and
 * checks the new model first, then switches to it, then closes the old one once its calls in
 * flight have finished. A failed reload throws and leaves the old model serving; no call fails or
 * sees a wrong sum because of a reload. Thread-safe.
 *
 * <p>Obtain one from {@link NeuralAdder#open(Path)} or {@link NeuralAdder#builder()}.
 */
public final class ReloadableAdder implements Adder {

    private static final Logger log = LoggerFactory.getLogger(ReloadableAdder.class);

    private final NeuralAdder.Builder options;
    private final Object reloadLock = new Object();
    private volatile AdderEngine current;
    private volatile boolean closed;

    ReloadableAdder(NeuralAdder.Builder options, AdderEngine first) {
        this.options = options;
        this.current = first;
    }

    @Override
    public int add(int a, int b) {
        return Overflow.checked(a, b, addWrapping(a, b));
    }

    @Override
    public int addWrapping(int a, int b) {
        while (true) {
            AdderEngine engine = current;
            try {
                return engine.addWrapping(a, b);
            } catch (AdderEngine.ClosedException e) {
                rethrowUnlessReplaced(engine, e);
            }
        }
    }

    @Override
    public long add(long a, long b) {
        return Overflow.checked(a, b, addWrapping(a, b));
    }

    @Override
    public long addWrapping(long a, long b) {
        return call(engine -> engine.addWrapping(a, b));
    }

    @Override
    public BigInteger add(BigInteger a, BigInteger b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int longest = Math.max(a.bitLength(), b.bitLength());
        if (longest > MAX_BIG_INTEGER_BITS) {
            throw new IllegalArgumentException("an operand has " + longest + " bits; at most " + MAX_BIG_INTEGER_BITS
                    + " are accepted, so that one ONNX Runtime run stays within bounded memory");
        }
        return call(engine -> engine.add(a, b));
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
        requireSameLength(a.length, b.length, sums.length);
        call(engine -> {
            engine.addWrapping(a, b, sums);
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
        requireSameLength(a.length, b.length, sums.length);
        call(engine -> {
            engine.addWrapping(a, b, sums);
            return null;
        });
    }

    @Override
    public ModelInfo model() {
        requireOpen();
        return current.model();
    }

    /**
     * Replaces the model with the file {@code model}, loaded with this adder's options and checked
     * like the first. Calls in flight finish on the old model; later calls use the new one.
     *
     * @throws ModelLoadException if the new model is refused; the old model keeps serving
     * @throws IllegalStateException if this adder is closed
     */
    public void reload(Path model) {
        reload(options.copy().model(model).sha256(null));
    }

    /**
     * Like {@link #reload(Path)}, refusing the file unless its SHA-256 is {@code sha256Hex}.
     *
     * @throws ModelIntegrityException if the file's SHA-256 differs; the old model keeps serving
     */
    public void reload(Path model, String sha256Hex) {
        reload(options.copy().model(model).sha256(Objects.requireNonNull(sha256Hex, "sha256Hex")));
    }

    private void reload(NeuralAdder.Builder next) {
        synchronized (reloadLock) {
            requireOpen();
            AdderEngine replacement = next.load();
            AdderEngine old = current;
            current = replacement;
            old.close();
            log.info("reloaded: {} replaces {}", replacement.model().source(), old.model().source());
        }
    }

    /** Closes the model once its calls in flight have finished. Idempotent. */
    @Override
    public void close() {
        synchronized (reloadLock) {
            closed = true;
            current.close();
        }
    }

    @Override
    public String toString() {
        return "ReloadableAdder[" + current.model().source() + "]";
    }

    private <T> T call(Function<AdderEngine, T> operation) {
        while (true) {
            AdderEngine engine = current;
            try {
                return operation.apply(engine);
            } catch (AdderEngine.ClosedException e) {
                rethrowUnlessReplaced(engine, e);
            }
        }
    }

    /** A call that found its model closed retries on the replacement, unless this adder itself is closed. */
    private void rethrowUnlessReplaced(AdderEngine engine, AdderEngine.ClosedException e) {
        if (closed || current == engine) {
            throw new IllegalStateException("this adder for model " + engine.model().source()
                    + " is closed; open a new one", e);
        }
    }

    private static void requireSameLength(int a, int b, int sums) {
        if (b != a || sums != a) {
            throw new IllegalArgumentException("arrays differ in length: a has " + a + " elements, b " + b + ", sums "
                    + sums);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this adder for model " + current.model().source()
                    + " is closed; open a new one");
        }
    }
}
