package io.neuraladder;

import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.Operator;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Options for a model on any file ({@link NeuralAdder#builder()}): the file or the bundled model,
 * the execution provider and threads, a size limit and SHA-256 pin checked before ONNX Runtime
 * sees the bytes, and the two explicit opt-outs (the self-test, the certificate). Each setter
 * returns this builder; {@link #build()} loads an adder, {@link #buildSubtractor()} a subtractor,
 * each checked as the operator it is built for.
 *
 * <pre>{@code
 * try (ReloadableAdder adder = NeuralAdder.builder().model(Path.of("models/adder-gru.onnx"))
 *         .provider(ExecutionProvider.AUTO).intraOpThreads(2).build()) {
 *     adder.add(535, 61);
 * }
 * }</pre>
 */
public final class ModelBuilder {

    private Path model;
    private ExecutionProvider provider = ExecutionProvider.CPU;
    private int intraOpThreads = 1;
    private Integer batchThreads;
    private long maxModelBytes = NeuralAdder.DEFAULT_MAX_MODEL_BYTES;
    private String sha256;
    private boolean selfTest = true;
    private boolean allowUncertified;

    ModelBuilder() {}

    /** Loads this model file instead of the bundled model. */
    public ModelBuilder model(Path model) {
        this.model = Objects.requireNonNull(model, "model");
        return this;
    }

    /** Loads the model bundled in the jar (the default). */
    public ModelBuilder bundledModel() {
        this.model = null;
        return this;
    }

    /** Runs the model on this provider; {@link ExecutionProvider#CPU} by default. */
    public ModelBuilder provider(ExecutionProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        return this;
    }

    /**
     * Threads ONNX Runtime may use inside one call; 1 by default, which suits single adds.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public ModelBuilder intraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + threads);
        }
        this.intraOpThreads = threads;
        return this;
    }

    /**
     * Threads ONNX Runtime may use inside one call on an array (the {@code int[]} and {@code long[]}
     * methods); {@link #intraOpThreads} unless set. The static methods use one per core.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public ModelBuilder batchThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("batch threads must be at least 1, got " + threads);
        }
        this.batchThreads = threads;
        return this;
    }

    /**
     * Refuses model files larger than this; {@value NeuralAdder#DEFAULT_MAX_MODEL_BYTES} by default.
     *
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public ModelBuilder maxModelBytes(long bytes) {
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
    public ModelBuilder sha256(String sha256Hex) {
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
    public ModelBuilder skipSelfTest() {
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
    public ModelBuilder allowUncertified() {
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
        return new ReloadableAdder(new ReloadableEngine(settings(NeuralAdder.BUNDLED_MODEL), Operator.ADD));
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
        return new DigitSerialAdder(settings(NeuralAdder.BUNDLED_DECIMAL_MODEL).source(),
                DigitSerialContract.DECIMAL, options());
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
        return new DigitSerialAdder(settings(null).source(), 0, options());
    }

    /**
     * Loads the model as a subtractor ({@value NeuralMath#BUNDLED_SUBTRACTOR} unless a file was
     * chosen): its certificate checked against subtraction's borrows, whatever its metadata says.
     *
     * @throws ModelLoadException if the model is refused, as for {@link #build()} (an adder included)
     */
    public ReloadableSubtractor buildSubtractor() {
        return new ReloadableSubtractor(new ReloadableEngine(settings(NeuralMath.BUNDLED_SUBTRACTOR),
                Operator.SUBTRACT));
    }

    /**
     * Loads the model as a decimal subtractor ({@value NeuralMath#BUNDLED_DECIMAL_SUBTRACTOR} unless
     * a file was chosen).
     *
     * @throws ModelLoadException if the model is refused, as for {@link #build()}
     */
    public DigitSerialSubtractor buildDecimalSubtractor() {
        LoadSettings settings = settings(NeuralMath.BUNDLED_DECIMAL_SUBTRACTOR);
        return new DigitSerialSubtractor(new DigitStringEngine(settings.source(), Operator.SUBTRACT,
                DigitSerialContract.DECIMAL, settings.options()));
    }

    /** What this builder chose, with {@code bundled} as the resource when no file was chosen. */
    LoadSettings settings(String bundled) {
        return new LoadSettings(model, bundled, maxModelBytes, sha256, options());
    }

    private ModelLoad.Options options() {
        return new ModelLoad.Options(provider, intraOpThreads, batchThreads != null ? batchThreads : intraOpThreads,
                selfTest, allowUncertified);
    }
}
