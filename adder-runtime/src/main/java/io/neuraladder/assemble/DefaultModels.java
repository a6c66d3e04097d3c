package io.neuraladder.assemble;

import io.neuraladder.api.ExecutionProvider;
import io.neuraladder.common.Checks;
import io.neuraladder.common.Limits;
import io.neuraladder.common.Names;
import io.neuraladder.compose.DigitSerialAdder;
import io.neuraladder.compose.DigitSerialSubtractor;
import io.neuraladder.compose.ReloadableAdder;
import io.neuraladder.compose.ReloadableSubtractor;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.load.LoadOptions;
import io.neuraladder.load.LoadSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models behind the static methods of {@code NeuralAdder} and {@code NeuralMath}, each chosen
 * once, on its first use, from the system properties and environment variables (the property
 * wins), else bundled in this jar:
 *
 * <table>
 *   <caption>the default models</caption>
 *   <tr><th>network</th><th>property</th><th>environment</th><th>bundled</th></tr>
 *   <tr><td>adder</td><td>{@value Names#MODEL_PROPERTY}</td><td>{@value Names#MODEL_ENV}</td>
 *       <td>{@value Names#BUNDLED_MODEL}</td></tr>
 *   <tr><td>decimal adder</td><td>{@value Names#DECIMAL_MODEL_PROPERTY}</td><td></td>
 *       <td>{@value Names#BUNDLED_DECIMAL_MODEL}</td></tr>
 *   <tr><td>subtractor</td><td>{@value Names#SUBTRACT_MODEL_PROPERTY}</td>
 *       <td>{@value Names#SUBTRACT_MODEL_ENV}</td><td>{@value Names#BUNDLED_SUBTRACTOR}</td></tr>
 *   <tr><td>decimal subtractor</td><td>{@value Names#SUBTRACT_DECIMAL_MODEL_PROPERTY}</td><td></td>
 *       <td>{@value Names#BUNDLED_DECIMAL_SUBTRACTOR}</td></tr>
 * </table>
 *
 * <p>All of them share the provider ({@value Names#PROVIDER_PROPERTY}), the opt-out of the
 * certificate ({@value Names#ALLOW_UNCERTIFIED_PROPERTY}) and the threads of array calls:
 * one per core unless {@value Names#BATCH_THREADS_PROPERTY} says otherwise; single calls run on one.
 */
public final class DefaultModels {

    private static final Logger log = LoggerFactory.getLogger(DefaultModels.class);

    private static final Lazy<ReloadableAdder> ADDER = new Lazy<>(DefaultModels::configuredAdder);
    private static final Lazy<DigitSerialAdder> DECIMAL_ADDER = new Lazy<>(() -> Networks.digitAdder(
            configured(Names.DECIMAL_MODEL_PROPERTY, null, Names.BUNDLED_DECIMAL_MODEL, null),
            DigitSerialContract.DECIMAL));
    private static final Lazy<ReloadableSubtractor> SUBTRACTOR = new Lazy<>(() -> Networks.subtractor(
            configured(Names.SUBTRACT_MODEL_PROPERTY, Names.SUBTRACT_MODEL_ENV, Names.BUNDLED_SUBTRACTOR, null)));
    private static final Lazy<DigitSerialSubtractor> DECIMAL_SUBTRACTOR = new Lazy<>(() -> Networks.decimalSubtractor(
            configured(Names.SUBTRACT_DECIMAL_MODEL_PROPERTY, null, Names.BUNDLED_DECIMAL_SUBTRACTOR, null)));

    private DefaultModels() {}

    public static ReloadableAdder adder() {
        return ADDER.get();
    }

    public static DigitSerialAdder decimalAdder() {
        return DECIMAL_ADDER.get();
    }

    public static ReloadableSubtractor subtractor() {
        return SUBTRACTOR.get();
    }

    public static DigitSerialSubtractor decimalSubtractor() {
        return DECIMAL_SUBTRACTOR.get();
    }

    /** A new adder on the file, pin and provider the system configuration names now; the default is the first. */
    public static ReloadableAdder configuredAdder() {
        return Networks.adder(configured(Names.MODEL_PROPERTY, Names.MODEL_ENV, Names.BUNDLED_MODEL, pin()));
    }

    /** The default adder's SHA-256 pin, from {@value Names#MODEL_SHA256_PROPERTY}, or null. */
    private static String pin() {
        return Optional.ofNullable(System.getProperty(Names.MODEL_SHA256_PROPERTY)).filter(hash -> !hash.isBlank())
                .map(Checks::requireSha256).orElse(null);
    }

    /**
     * The file named by {@code property} (else {@code env}, when not null), else the resource
     * {@code bundled}, with the shared settings: provider, array threads, the opt-out of the
     * certificate; single calls on one thread, the self-test on.
     */
    private static LoadSettings configured(String property, String env, String bundled, String pin) {
        Path file = Optional.ofNullable(System.getProperty(property))
                .or(() -> env == null ? Optional.empty() : Optional.ofNullable(System.getenv(env)))
                .filter(path -> !path.isBlank())
                .map(Path::of)
                .orElse(null);
        ExecutionProvider provider = Optional.ofNullable(System.getProperty(Names.PROVIDER_PROPERTY))
                .map(ExecutionProvider::fromName).orElse(ExecutionProvider.CPU);
        LoadOptions options = new LoadOptions(provider, 1, batchThreads(), true, allowUncertifiedBySystem());
        return new LoadSettings(file, bundled, Limits.DEFAULT_MAX_MODEL_BYTES, pin, options);
    }

    private static int batchThreads() {
        String value = System.getProperty(Names.BATCH_THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Checks.requireThreads("array-call (" + Names.BATCH_THREADS_PROPERTY + ")",
                    Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Names.BATCH_THREADS_PROPERTY + " must be a whole number of threads, got '"
                    + value + "'", e);
        }
    }

    /**
     * Whether {@value Names#ALLOW_UNCERTIFIED_PROPERTY} (or else
     * {@value Names#ALLOW_UNCERTIFIED_ENV}) says {@code true}.
     */
    private static boolean allowUncertifiedBySystem() {
        String value = Optional.ofNullable(System.getProperty(Names.ALLOW_UNCERTIFIED_PROPERTY))
                .orElseGet(() -> System.getenv(Names.ALLOW_UNCERTIFIED_ENV));
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(Names.ALLOW_UNCERTIFIED_PROPERTY + " (or "
                + Names.ALLOW_UNCERTIFIED_ENV + ") must be true or false, got '" + value + "'");
    }

    /** A value made once, on first use, by one thread; a failure is thrown to that caller and tried again by the next. */
    private static final class Lazy<T> {

        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T made = value;
            if (made == null) {
                synchronized (this) {
                    made = value;
                    if (made == null) {
                        made = make.get();
                        log.info("default model: {}", made);
                        value = made;
                    }
                }
            }
            return made;
        }
    }
}
