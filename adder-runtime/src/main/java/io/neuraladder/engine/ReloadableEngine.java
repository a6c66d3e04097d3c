package io.neuraladder.engine;

import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.contract.Operator;
import io.neuraladder.load.LoadSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OperatorEngine} whose model can be replaced while it serves: {@link #reload} loads and
 * checks the new model first, as a model of the same operator, then switches to it, then closes the
 * old one once its calls in flight have finished. A failed reload throws and leaves the old model
 * serving; a call that finds its engine closed by a reload retries on the replacement. Thread-safe.
 */
public final class ReloadableEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReloadableEngine.class);

    private final LoadSettings settings;
    private final Operator operator;
    private final Function<LoadSettings, OperatorEngine> loader;
    private final Object reloadLock = new Object();
    private volatile OperatorEngine current;
    private volatile boolean closed;

    /**
     * Loads the model {@code settings} name with {@code loader}, which loads a file as a model of
     * {@code operator} into the engine its radix needs; reloads use it too.
     */
    public ReloadableEngine(LoadSettings settings, Operator operator, Function<LoadSettings, OperatorEngine> loader) {
        this.settings = settings;
        this.operator = operator;
        this.loader = loader;
        this.current = loader.apply(settings);
    }

    /** Runs {@code call} on the current engine, retrying on the replacement if a reload closed it meanwhile. */
    public <T> T call(Function<OperatorEngine, T> call) {
        while (true) {
            OperatorEngine engine = current;
            try {
                return call.apply(engine);
            } catch (OperatorEngine.ClosedException e) {
                if (closed || current == engine) {
                    throw closedError(engine, e);
                }
            }
        }
    }

    /** The single-int path of {@link #call}, without a lambda per call. */
    public int wrapped(int a, int b) {
        while (true) {
            OperatorEngine engine = current;
            try {
                return engine.wrapped(a, b);
            } catch (OperatorEngine.ClosedException e) {
                if (closed || current == engine) {
                    throw closedError(engine, e);
                }
            }
        }
    }

    /** What the current model is. */
    public ModelInfo model() {
        requireOpen();
        return current.model();
    }

    /**
     * Replaces the model with the file {@code model}, pinned to {@code sha256Hex} when not null,
     * loaded with these settings and checked like the first.
     *
     * @throws ModelLoadException if the new model is refused; the old model keeps serving
     * @throws IllegalStateException if this engine is closed
     */
    public void reload(Path model, String sha256Hex) {
        LoadSettings next = settings.withFile(Objects.requireNonNull(model, "model"), sha256Hex);
        synchronized (reloadLock) {
            requireOpen();
            OperatorEngine replacement = loader.apply(next);
            OperatorEngine old = current;
            current = replacement;
            old.close();
            log.info("reloaded the {} model: {} replaces {}", operator.metadataName(), replacement.model().source(),
                    old.model().source());
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

    private void requireOpen() {
        if (closed) {
            throw closedError(current, null);
        }
    }

    private IllegalStateException closedError(OperatorEngine engine, RuntimeException cause) {
        return new IllegalStateException("the " + operator.metadataName() + " model " + engine.model().source()
                + " is closed; open a new one", cause);
    }
}
