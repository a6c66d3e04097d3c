package io.neuraladder;

import io.neuraladder.api.ExecutionProvider;
import io.neuraladder.common.Names;
import io.neuraladder.compose.DigitSerialAdder;
import io.neuraladder.compose.DigitSerialSubtractor;
import io.neuraladder.compose.ReloadableAdder;
import io.neuraladder.compose.ReloadableSubtractor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models behind the static methods of {@link NeuralAdder} and {@link NeuralMath}, each chosen
 * once, on its first use, from the system properties and environment variables (the property
 * wins), else bundled in this jar:
 *
 * <table>
 *   <caption>the default models</caption>
 *   <tr><th>network</th><th>property</th><th>environment</th><th>bundled</th></tr>
 *   <tr><td>adder</td><td>{@value NeuralAdder#MODEL_PROPERTY}</td><td>{@value NeuralAdder#MODEL_ENV}</td>
 *       <td>{@value NeuralAdder#BUNDLED_MODEL}</td></tr>
 *   <tr><td>decimal adder</td><td>{@value NeuralAdder#DECIMAL_MODEL_PROPERTY}</td><td></td>
 *       <td>{@value NeuralAdder#BUNDLED_DECIMAL_MODEL}</td></tr>
 *   <tr><td>subtractor</td><td>{@value NeuralMath#SUBTRACT_MODEL_PROPERTY}</td>
 *       <td>{@value NeuralMath#SUBTRACT_MODEL_ENV}</td><td>{@value NeuralMath#BUNDLED_SUBTRACTOR}</td></tr>
 *   <tr><td>decimal subtractor</td><td>{@value NeuralMath#SUBTRACT_DECIMAL_MODEL_PROPERTY}</td><td></td>
 *       <td>{@value NeuralMath#BUNDLED_DECIMAL_SUBTRACTOR}</td></tr>
 * </table>
 *
 * <p>All of them share the provider ({@value NeuralAdder#PROVIDER_PROPERTY}), the opt-out of the
 * certificate ({@value NeuralAdder#ALLOW_UNCERTIFIED_PROPERTY}) and the threads of array calls:
 * one per core unless {@value NeuralAdder#BATCH_THREADS_PROPERTY} says otherwise; single calls run on one.
 */
final class DefaultModels {

    private static final Logger log = LoggerFactory.getLogger(DefaultModels.class);

    private static final Lazy<ReloadableAdder> ADDER = new Lazy<>(() -> {
        ModelBuilder builder = adderBuilder();
        return builder.loadAdder(builder.model());
    });
    private static final Lazy<DigitSerialAdder> DECIMAL_ADDER = new Lazy<>(() -> configured(
            Names.DECIMAL_MODEL_PROPERTY, null).loadDecimalAdder());
    private static final Lazy<ReloadableSubtractor> SUBTRACTOR = new Lazy<>(() -> {
        ModelBuilder builder = configured(Names.SUBTRACT_MODEL_PROPERTY, Names.SUBTRACT_MODEL_ENV);
        return builder.loadSubtractor(builder.model());
    });
    private static final Lazy<DigitSerialSubtractor> DECIMAL_SUBTRACTOR = new Lazy<>(() -> {
        ModelBuilder builder = configured(Names.SUBTRACT_DECIMAL_MODEL_PROPERTY, null);
        return builder.loadDecimalSubtractor(builder.model());
    });

    private DefaultModels() {}

    static ReloadableAdder adder() {
        return ADDER.get();
    }

    static DigitSerialAdder decimalAdder() {
        return DECIMAL_ADDER.get();
    }

    static ReloadableSubtractor subtractor() {
        return SUBTRACTOR.get();
    }

    static DigitSerialSubtractor decimalSubtractor() {
        return DECIMAL_SUBTRACTOR.get();
    }

    /** The default adder's builder: its file, pin and provider from the system configuration. */
    static ModelBuilder adderBuilder() {
        ModelBuilder builder = configured(Names.MODEL_PROPERTY, Names.MODEL_ENV);
        Optional.ofNullable(System.getProperty(Names.MODEL_SHA256_PROPERTY))
                .filter(hash -> !hash.isBlank())
                .ifPresent(builder::sha256);
        return builder;
    }

    /** A builder for the file named by {@code property} (else {@code env}, when not null), with the shared settings. */
    private static ModelBuilder configured(String property, String env) {
        ModelBuilder builder = new ModelBuilder();
        Optional.ofNullable(System.getProperty(property))
                .or(() -> env == null ? Optional.empty() : Optional.ofNullable(System.getenv(env)))
                .filter(path -> !path.isBlank())
                .ifPresent(path -> builder.model(Path.of(path)));
        Optional.ofNullable(System.getProperty(Names.PROVIDER_PROPERTY))
                .ifPresent(name -> builder.provider(ExecutionProvider.fromName(name)));
        builder.batchThreads(batchThreads());
        if (allowUncertifiedBySystem()) {
            builder.allowUncertified();
        }
        return builder;
    }

    private static int batchThreads() {
        String value = System.getProperty(Names.BATCH_THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Names.BATCH_THREADS_PROPERTY + " must be a whole number of threads, got '"
                    + value + "'", e);
        }
    }

    /**
     * Whether {@value NeuralAdder#ALLOW_UNCERTIFIED_PROPERTY} (or else
     * {@value NeuralAdder#ALLOW_UNCERTIFIED_ENV}) says {@code true}.
     */
    static boolean allowUncertifiedBySystem() {
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
                        log.info("default model: {}", describe(made));
                        value = made;
                    }
                }
            }
            return made;
        }

        private static String describe(Object made) {
            return made.toString();
        }
    }
}
