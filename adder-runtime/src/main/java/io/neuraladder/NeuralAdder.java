package io.neuraladder;

import io.neuraladder.api.Adder;
import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.Overflow;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Integer addition computed by a learned recurrent network, through ONNX Runtime.
 *
 * <pre>{@code
 * int s = NeuralAdder.add(535, 61);                 // 596
 * NeuralAdder.add(Integer.MAX_VALUE, 1);            // throws ArithmeticException("integer overflow")
 * try (Adder adder = NeuralAdder.open(Path.of("models/other.onnx"))) {
 *     adder.add(-7, 3);                             // -4
 * }
 * }</pre>
 *
 * <p>The static methods use a default model chosen once, on first use: the file named by the
 * system property {@value #MODEL_PROPERTY}, else by the environment variable {@value #MODEL_ENV},
 * else the model bundled in this jar ({@value #BUNDLED_MODEL}). The execution provider comes from
 * the system property {@value #PROVIDER_PROPERTY} ({@code cpu}, {@code cuda} or {@code auto};
 * default {@code cpu}). {@link #open(Path)} and {@link #builder()} load any other model file.
 */
public final class NeuralAdder {

    /** System property naming the default model file. */
    public static final String MODEL_PROPERTY = "neuraladder.model";

    /** Environment variable naming the default model file, used when the property is not set. */
    public static final String MODEL_ENV = "NEURALADDER_MODEL";

    /** System property pinning the default model file's SHA-256 (hex). */
    public static final String MODEL_SHA256_PROPERTY = "neuraladder.model.sha256";

    /** System property naming the default model's execution provider. */
    public static final String PROVIDER_PROPERTY = "neuraladder.provider";

    /** File name of the model bundled in this jar, copied from the repository's {@code models/}. */
    public static final String BUNDLED_MODEL = "adder-lstm.onnx";

    /**
     * Default limit on a model file's size: the binary models are a few KB with their certificates,
     * the decimal one a few MB (its certificate has 20,100 boxes).
     */
    public static final long DEFAULT_MAX_MODEL_BYTES = 16L << 20;

    /** The decimal adder bundled in the jar, used by {@link #addDecimal} unless configured otherwise. */
    public static final String BUNDLED_DECIMAL_MODEL = "decimal/adder-decimal.onnx";

    /** System property naming the decimal model file {@link #addDecimal} uses. */
    public static final String DECIMAL_MODEL_PROPERTY = "neuraladder.decimal.model";

    /**
     * System property that, set to {@code true}, lets the static methods serve a default model
     * whose certificate is missing or does not check (on its self-test alone).
     */
    public static final String ALLOW_UNCERTIFIED_PROPERTY = "neuraladder.allowUncertified";

    /** Environment variable with the meaning of {@value #ALLOW_UNCERTIFIED_PROPERTY}; the property wins. */
    public static final String ALLOW_UNCERTIFIED_ENV = "NEURALADDER_ALLOW_UNCERTIFIED";

    private static final Logger log = LoggerFactory.getLogger(NeuralAdder.class);
    private static final Object DEFAULT_LOCK = new Object();
    private static volatile ReloadableAdder defaultAdder;
    private static volatile DigitSerialAdder defaultDecimalAdder;

    private NeuralAdder() {}

    /**
     * Adds two ints with the default model, like {@link Math#addExact(int, int)}.
     *
     * @return {@code a + b}
     * @throws ArithmeticException if the sum overflows an {@code int}
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static int add(int a, int b) {
        return Overflow.checked(a, b, defaultAdder().addWrapping(a, b));
    }

    /**
     * Adds two ints with the default model, like Java's {@code +}, wrapping on overflow.
     *
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static int addWrapping(int a, int b) {
        return defaultAdder().addWrapping(a, b);
    }

    /**
     * Describes the default model, loading it if needed.
     *
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static ModelInfo defaultModel() {
        return defaultAdder().model();
    }

    /**
     * Adds two longs with the default model, like {@link Math#addExact(long, long)}.
     *
     * @throws ArithmeticException if the sum overflows a {@code long}
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static long add(long a, long b) {
        return defaultAdder().add(a, b);
    }

    /**
     * Adds two longs with the default model, like Java's {@code +}, wrapping on overflow.
     *
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static long addWrapping(long a, long b) {
        return defaultAdder().addWrapping(a, b);
    }

    /**
     * Adds two integers of any size with the default model, like {@link BigInteger#add(BigInteger)}.
     *
     * @throws IllegalArgumentException if an operand is longer than {@link Adder#MAX_BIG_INTEGER_BITS} bits
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static BigInteger add(BigInteger a, BigInteger b) {
        return defaultAdder().add(a, b);
    }

    /**
     * Adds {@code a[i] + b[i]} with the default model, like {@link Math#addExact(int, int)} per element.
     *
     * @throws ArithmeticException naming the first index whose sum overflows
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static int[] add(int[] a, int[] b) {
        return defaultAdder().add(a, b);
    }

    /**
     * Adds {@code a[i] + b[i]} with the default model, like Java's {@code +} per element.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static int[] addWrapping(int[] a, int[] b) {
        return defaultAdder().addWrapping(a, b);
    }

    /**
     * Adds {@code a[i] + b[i]} with the default model, like {@link Math#addExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose sum overflows
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static long[] add(long[] a, long[] b) {
        return defaultAdder().add(a, b);
    }

    /**
     * Adds {@code a[i] + b[i]} with the default model, like Java's {@code +} on longs per element.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static long[] addWrapping(long[] a, long[] b) {
        return defaultAdder().addWrapping(a, b);
    }

    /**
     * Switches the static methods to the model file {@code model} at run time, with the default
     * model's options. Calls in flight finish on the old model.
     *
     * @throws ModelLoadException if the new model is refused; the old default keeps serving
     */
    public static void reloadDefault(Path model) {
        defaultAdder().reload(model);
    }

    /**
     * The sum of two non-negative decimal integers of any length (up to
     * {@value DigitSerialAdder#MAX_DIGITS} digits), computed digit by digit by the default decimal
     * model: the bundled one, or the file named by {@value #DECIMAL_MODEL_PROPERTY}.
     * {@code addDecimal("535", "61")} is {@code "596"}.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the digits 0-9
     *     (no sign, spaces, separators or decimal point; leading zeros are fine)
     * @throws IllegalArgumentException if an operand has more than {@value DigitSerialAdder#MAX_DIGITS} digits
     */
    public static String addDecimal(String a, String b) {
        return defaultDecimalAdder().add(a, b);
    }

    /**
     * The sum of two non-negative integers, computed digit by digit in decimal by the default
     * decimal model.
     *
     * @throws IllegalArgumentException if an operand is negative or too long
     */
    public static BigInteger addDecimal(BigInteger a, BigInteger b) {
        return defaultDecimalAdder().add(a, b);
    }

    /**
     * Opens the decimal model file {@code model} on the CPU, checked against the digit-serial
     * contract in radix 10, its certificate checked, and self-tested. Close the returned adder when
     * done.
     *
     * @throws ModelLoadException if the file is missing, unreadable, not ONNX, not a decimal adder
     *     (a model in another radix is refused naming its radix), not certified
     *     ({@link ModelCertificateException}) or fails the self-test
     */
    public static DigitSerialAdder openDecimal(Path model) {
        return builder().model(model).buildDecimal();
    }

    /**
     * Opens the digit-serial model file {@code model} in whatever radix it declares (3 to 36) on
     * the CPU, checked, its certificate checked, and self-tested; its {@code add(String, String)}
     * reads and writes numbers in that radix. Close the returned adder when done.
     *
     * @throws ModelLoadException if the file is refused, as for {@link #openDecimal}
     */
    public static DigitSerialAdder openDigitSerial(Path model) {
        return builder().model(model).buildDigitSerial();
    }

    /**
     * Opens the model file {@code model} on the CPU, checked against the contract, its certificate
     * checked, and self-tested. The model is a bit-serial adder, or a digit-serial one whose radix
     * is a power of two (radix 16 reads four bits per step). Close the returned adder when done.
     *
     * @throws ModelLoadException if the file is missing, unreadable, not ONNX, breaks the contract
     *     (a decimal model, say: open it with {@link #openDecimal}), is not certified
     *     ({@link ModelCertificateException}) or fails the self-test
     */
    public static ReloadableAdder open(Path model) {
        return builder().model(model).build();
    }

    /**
     * Checks the certificate of the model file {@code model} (binary or decimal) against its
     * weights, as every open does, without starting ONNX Runtime: for a build step or a model
     * registry that wants to refuse a file before it is shipped.
     *
     * @return what the check found: regions, transitions, smallest margins, time taken
     * @throws ModelCertificateException if the certificate is missing or does not check
     * @throws ModelLoadException if the file is missing, unreadable, not ONNX or breaks the contract
     */
    public static CertificateCheck checkCertificate(Path model) {
        ModelSource source = ModelSource.read(model, DEFAULT_MAX_MODEL_BYTES);
        return ModelLoad.checkCertificate(source, Operator.ADD);
    }

    /**
     * Checks the certificate of the model bytes {@code model} as a model of {@code operator}, as
     * every open does, without starting ONNX Runtime: how training learns whether the file it is
     * about to write will be accepted.
     *
     * @param name the model's name in messages
     * @return what the check found
     * @throws ModelCertificateException if the certificate is missing or does not check as {@code operator}'s
     * @throws ModelLoadException if the bytes are not ONNX or break the contract (another operator included)
     */
    public static CertificateCheck checkCertificate(byte[] model, String name, Operator operator) {
        return ModelLoad.checkCertificate(new ModelSource(name, model.clone()), operator);
    }

    /** A builder for an adder with a chosen model file, execution provider and threads. */
    public static Builder builder() {
        return new Builder();
    }

    private static DigitSerialAdder defaultDecimalAdder() {
        DigitSerialAdder adder = defaultDecimalAdder;
        if (adder == null) {
            synchronized (DEFAULT_LOCK) {
                adder = defaultDecimalAdder;
                if (adder == null) {
                    Builder builder = new Builder();
                    builder.allowUncertified = Builder.allowUncertifiedBySystem();
                    Optional.ofNullable(System.getProperty(DECIMAL_MODEL_PROPERTY)).filter(path -> !path.isBlank())
                            .ifPresent(path -> builder.model(Path.of(path)));
                    adder = builder.buildDecimal();
                    log.info("default decimal model: {}", adder.model().source());
                    defaultDecimalAdder = adder;
                }
            }
        }
        return adder;
    }

    private static ReloadableAdder defaultAdder() {
        ReloadableAdder adder = defaultAdder;
        if (adder == null) {
            synchronized (DEFAULT_LOCK) {
                adder = defaultAdder;
                if (adder == null) {
                    adder = Builder.fromSystemConfiguration().build();
                    log.info("default model: {}", adder.model().source());
                    defaultAdder = adder;
                }
            }
        }
        return adder;
    }

    /** Options for {@link NeuralAdder#builder()}; each setter returns this builder. */
    public static final class Builder {

        private Path model;
        private ExecutionProvider provider = ExecutionProvider.CPU;
        private int intraOpThreads = 1;
        private long maxModelBytes = DEFAULT_MAX_MODEL_BYTES;
        private String sha256;
        private boolean selfTest = true;
        private boolean allowUncertified;

        private Builder() {}

        Builder copy() {
            Builder copy = new Builder();
            copy.model = model;
            copy.provider = provider;
            copy.intraOpThreads = intraOpThreads;
            copy.maxModelBytes = maxModelBytes;
            copy.sha256 = sha256;
            copy.selfTest = selfTest;
            copy.allowUncertified = allowUncertified;
            return copy;
        }

        static Builder fromSystemConfiguration() {
            Builder builder = new Builder();
            Optional.ofNullable(System.getProperty(MODEL_PROPERTY))
                    .or(() -> Optional.ofNullable(System.getenv(MODEL_ENV)))
                    .filter(path -> !path.isBlank())
                    .ifPresent(path -> builder.model(Path.of(path)));
            Optional.ofNullable(System.getProperty(MODEL_SHA256_PROPERTY))
                    .filter(hash -> !hash.isBlank())
                    .ifPresent(builder::sha256);
            Optional.ofNullable(System.getProperty(PROVIDER_PROPERTY))
                    .ifPresent(name -> builder.provider(ExecutionProvider.fromName(name)));
            builder.allowUncertified = allowUncertifiedBySystem();
            return builder;
        }

        /** Whether {@value #ALLOW_UNCERTIFIED_PROPERTY} (or else {@value #ALLOW_UNCERTIFIED_ENV}) says {@code true}. */
        static boolean allowUncertifiedBySystem() {
            String value = Optional.ofNullable(System.getProperty(ALLOW_UNCERTIFIED_PROPERTY))
                    .orElseGet(() -> System.getenv(ALLOW_UNCERTIFIED_ENV));
            if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
                return false;
            }
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            throw new IllegalArgumentException(ALLOW_UNCERTIFIED_PROPERTY + " (or " + ALLOW_UNCERTIFIED_ENV
                    + ") must be true or false, got '" + value + "'");
        }

        /** Loads this model file instead of the bundled model. */
        public Builder model(Path model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Loads the model bundled in the jar (the default). */
        public Builder bundledModel() {
            this.model = null;
            return this;
        }

        /** Runs the model on this provider; {@link ExecutionProvider#CPU} by default. */
        public Builder provider(ExecutionProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Threads ONNX Runtime may use inside one call; 1 by default, which suits single adds.
         *
         * @throws IllegalArgumentException if {@code threads} is less than 1
         */
        public Builder intraOpThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("intra-op threads must be at least 1, got " + threads);
            }
            this.intraOpThreads = threads;
            return this;
        }

        /**
         * Refuses model files larger than this; {@value NeuralAdder#DEFAULT_MAX_MODEL_BYTES} by default.
         *
         * @throws IllegalArgumentException if {@code bytes} is less than 1
         */
        public Builder maxModelBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the model size limit must be at least 1 byte, got " + bytes);
            }
            this.maxModelBytes = bytes;
            return this;
        }

        /**
         * Refuses the model file unless its SHA-256 is {@code sha256Hex} (64 hex digits, any case),
         * checked before the bytes reach ONNX Runtime; {@code null} removes the pin.
         *
         * @throws IllegalArgumentException if {@code sha256Hex} is not 64 hex digits
         */
        public Builder sha256(String sha256Hex) {
            if (sha256Hex != null && !sha256Hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("a SHA-256 pin is 64 hex digits, got '" + sha256Hex + "'");
            }
            this.sha256 = sha256Hex;
            return this;
        }

        /**
         * Loads the model without the load-time self-test of carry-chain cases. Only for models
         * known to add wrongly, such as when studying training; a refused model serves wrong sums.
         */
        public Builder skipSelfTest() {
            this.selfTest = false;
            return this;
        }

        /**
         * Serves a model even when its carry certificate is missing or does not check, on its
         * self-test alone: nothing then proves its sums beyond the tested cases, its
         * {@link io.neuraladder.api.ModelInfo#certified()} is false, and one WARN line says why.
         * A model whose certificate checks is still reported certified. By default such models are
         * refused with a {@link ModelCertificateException}.
         */
        public Builder allowUncertified() {
            this.allowUncertified = true;
            return this;
        }

        /**
         * Loads the model, refuses it unless it matches the pin (if any), follows the model
         * contract, carries a carry certificate that checks against its weights (unless
         * {@link #allowUncertified()}) and passes the self-test (unless skipped).
         *
         * @throws ModelLoadException if the model is missing, unreadable, too large, not ONNX, breaks
         *     the contract ({@link ModelContractException}), fails the pin
         *     ({@link ModelIntegrityException}), the certificate check ({@link ModelCertificateException})
         *     or the self-test ({@link ModelSelfTestException})
         * @throws ProviderUnavailableException if the chosen provider cannot be used here
         */
        public ReloadableAdder build() {
            return new ReloadableAdder(copy(), load());
        }

        /**
         * Loads the model as a decimal adder ({@link io.neuraladder.contract.DigitSerialContract}
         * in radix 10; the bundled {@value NeuralAdder#BUNDLED_DECIMAL_MODEL} unless a file was
         * chosen), with this builder's provider, threads, size limit, pin and self-test setting.
         *
         * @throws ModelLoadException if the model is refused, as for {@link #build()}, or is in
         *     another radix ({@link ModelContractException} naming it)
         */
        public DigitSerialAdder buildDecimal() {
            return buildDigitSerial(DigitSerialContract.DECIMAL);
        }

        /**
         * Loads the chosen file as a digit-serial adder in whatever radix it declares, with this
         * builder's settings.
         *
         * @throws IllegalStateException if no model file was chosen
         * @throws ModelLoadException if the model is refused, as for {@link #build()}
         */
        public DigitSerialAdder buildDigitSerial() {
            if (model == null) {
                throw new IllegalStateException("choose the digit-serial model file with model(Path) first; only the "
                        + "decimal model is bundled (buildDecimal)");
            }
            return buildDigitSerial(0);
        }

        private DigitSerialAdder buildDigitSerial(int radix) {
            ModelSource source = model == null
                    ? ModelSource.bundled(BUNDLED_DECIMAL_MODEL, maxModelBytes)
                    : ModelSource.read(model, maxModelBytes);
            if (sha256 != null) {
                source.requireSha256(sha256);
            }
            return new DigitSerialAdder(source, radix, options());
        }

        AdderEngine load() {
            ModelSource source = model == null
                    ? ModelSource.bundled(BUNDLED_MODEL, maxModelBytes)
                    : ModelSource.read(model, maxModelBytes);
            if (sha256 != null) {
                source.requireSha256(sha256);
            }
            return AdderEngine.load(source, options());
        }

        private ModelLoad.Options options() {
            return new ModelLoad.Options(provider, intraOpThreads, selfTest, allowUncertified);
        }
    }
}
