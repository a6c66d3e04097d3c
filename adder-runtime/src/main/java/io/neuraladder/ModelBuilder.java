package io.neuraladder;

import io.neuraladder.api.Adder;
import io.neuraladder.api.DigitAdder;
import io.neuraladder.api.DigitSubtractor;
import io.neuraladder.api.ExecutionProvider;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.api.ModelIntegrityException;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.api.ModelSelfTestException;
import io.neuraladder.api.ProviderUnavailableException;
import io.neuraladder.api.Subtractor;
import io.neuraladder.assemble.Networks;
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
import java.util.Objects;

/**
 * The one builder of the runtime ({@link NeuralAdder#builder()}, {@link NeuralMath#builder()}):
 * which files, the execution provider and threads, a size limit and SHA-256 pin checked before
 * ONNX Runtime sees the bytes, and the two explicit opt-outs (the self-test, the certificate).
 * Each setter returns this builder. {@link #build()} loads one adder from {@link #model(Path)}
 * (or the bundled one), {@link #buildSubtractor()} one subtractor, and so on, each checked as
 * the operator it is built for; {@link #buildMath()} loads the four networks of a
 * {@link LearnedMath}, each from its own file ({@link #adder(Path)}, {@link #subtractor(Path)},
 * {@link #decimalSubtractor(Path)}, {@link #decimalAdder(Path)}) or the bundled one.
 *
 * <pre>{@code
 * try (Adder adder = NeuralAdder.builder().model(Path.of("models/adder-gru.onnx"))
 *         .provider(ExecutionProvider.AUTO).intraOpThreads(2).build()) {
 *     adder.add(535, 61);
 * }
 * }</pre>
 */
public final class ModelBuilder {

    private Path model;
    private Path adder;
    private Path subtractor;
    private Path decimalSubtractor;
    private Path decimalAdder;
    private ExecutionProvider provider = ExecutionProvider.CPU;
    private int intraOpThreads = 1;
    private Integer batchThreads;
    private long maxModelBytes = Limits.DEFAULT_MAX_MODEL_BYTES;
    private String sha256;
    private boolean selfTest = true;
    private boolean allowUncertified;

    ModelBuilder() {}

    /** Loads this model file instead of the bundled model. */
    public ModelBuilder model(Path model) {
        this.model = Objects.requireNonNull(model, "model");
        return this;
    }

    /** {@link #buildMath()} uses the adder in this file, not the bundled {@value NeuralAdder#BUNDLED_MODEL}. */
    public ModelBuilder adder(Path model) {
        this.adder = Objects.requireNonNull(model, "model");
        return this;
    }

    /** {@link #buildMath()} uses the subtractor in this file, not the bundled {@value NeuralMath#BUNDLED_SUBTRACTOR}. */
    public ModelBuilder subtractor(Path model) {
        this.subtractor = Objects.requireNonNull(model, "model");
        return this;
    }

    /**
     * {@link #buildMath()} uses the decimal subtractor in this file instead of the bundled
     * {@value NeuralMath#BUNDLED_DECIMAL_SUBTRACTOR}.
     */
    public ModelBuilder decimalSubtractor(Path model) {
        this.decimalSubtractor = Objects.requireNonNull(model, "model");
        return this;
    }

    /** {@link #buildMath()} uses the decimal adder in this file, not the bundled one. */
    public ModelBuilder decimalAdder(Path model) {
        this.decimalAdder = Objects.requireNonNull(model, "model");
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
        this.intraOpThreads = Checks.requireThreads("intra-op", threads);
        return this;
    }

    /**
     * Threads ONNX Runtime may use inside one call on an array (the {@code int[]} and {@code long[]}
     * methods); {@link #intraOpThreads} unless set. The static methods use one per core.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public ModelBuilder batchThreads(int threads) {
        this.batchThreads = Checks.requireThreads("batch", threads);
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
        this.sha256 = Checks.requireSha256(sha256Hex);
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
     * Loads the model as an adder, refused unless it matches the pin (if any), follows the model
     * contract, carries a carry certificate that checks against its weights as an adder's (unless
     * {@link #allowUncertified()}) and passes the self-test (unless skipped).
     *
     * @throws ModelLoadException if the model is missing, unreadable, too large, not ONNX, breaks
     *     the contract ({@link ModelContractException}), fails the pin
     *     ({@link ModelIntegrityException}), the certificate check ({@link ModelCertificateException})
     *     or the self-test ({@link ModelSelfTestException})
     * @throws ProviderUnavailableException if the chosen provider cannot be used here
     */
    public Adder build() {
        return loadAdder(model);
    }

    /**
     * Loads the model as a decimal adder ({@link DigitSerialContract} in radix 10; the bundled
     * {@value NeuralAdder#BUNDLED_DECIMAL_MODEL} unless a file was chosen).
     *
     * @throws ModelLoadException if the model is refused, as for {@link #build()}, or is in
     *     another radix ({@link ModelContractException} naming it)
     */
    public DigitAdder buildDecimal() {
        return loadDecimalAdder(model);
    }

    /**
     * Loads the chosen file as a digit-serial adder in whatever radix it declares.
     *
     * @throws IllegalStateException if no model file was chosen
     * @throws ModelLoadException if the model is refused, as for {@link #build()}
     */
    public DigitAdder buildDigitSerial() {
        if (model == null) {
            throw new IllegalStateException("choose the digit-serial model file with model(Path) first; only the "
                    + "decimal model is bundled (buildDecimal)");
        }
        return Networks.digitAdder(settings(model, null), 0);
    }

    /**
     * Loads the model as a subtractor ({@value NeuralMath#BUNDLED_SUBTRACTOR} unless a file was
     * chosen): its certificate checked against subtraction's borrows, whatever its metadata says.
     *
     * @throws ModelLoadException if the model is refused, as for {@link #build()} (an adder included)
     */
    public Subtractor buildSubtractor() {
        return loadSubtractor(model);
    }

    /**
     * Loads the model as a decimal subtractor ({@value NeuralMath#BUNDLED_DECIMAL_SUBTRACTOR} unless a
     * file was chosen).
     *
     * @throws ModelLoadException if the model is refused, as for {@link #build()}
     */
    public DigitSubtractor buildDecimalSubtractor() {
        return loadDecimalSubtractor(model);
    }

    /**
     * Loads the four networks of a {@link LearnedMath}, each checked as the operator it is for:
     * the files of {@link #adder(Path)}, {@link #subtractor(Path)}, {@link #decimalSubtractor(Path)}
     * and {@link #decimalAdder(Path)},
     * else the bundled ones. Close it when done.
     *
     * @throws ModelLoadException if a file is refused (an adder given as the subtractor, say);
     *     whatever was loaded before it is closed
     */
    public LearnedMath buildMath() {
        ReloadableAdder sum = null;
        ReloadableSubtractor difference = null;
        DigitSerialSubtractor digits = null;
        try {
            sum = loadAdder(adder);
            difference = loadSubtractor(subtractor);
            digits = loadDecimalSubtractor(decimalSubtractor);
            DigitSerialAdder digitSums = loadDecimalAdder(decimalAdder);
            ReloadableAdder adderModel = sum;
            ReloadableSubtractor subtractorModel = difference;
            DigitSerialSubtractor digitDifferences = digits;
            return new LearnedMath(() -> adderModel, () -> subtractorModel, () -> digitDifferences, () -> digitSums,
                    true);
        } catch (RuntimeException e) {
            if (digits != null) {
                digits.close();
            }
            if (difference != null) {
                difference.close();
            }
            if (sum != null) {
                sum.close();
            }
            throw e;
        }
    }

    private ReloadableAdder loadAdder(Path file) {
        return Networks.adder(settings(file, Names.BUNDLED_MODEL));
    }

    private ReloadableSubtractor loadSubtractor(Path file) {
        return Networks.subtractor(settings(file, Names.BUNDLED_SUBTRACTOR));
    }

    private DigitSerialAdder loadDecimalAdder(Path file) {
        return Networks.digitAdder(settings(file, Names.BUNDLED_DECIMAL_MODEL), DigitSerialContract.DECIMAL);
    }

    private DigitSerialSubtractor loadDecimalSubtractor(Path file) {
        return Networks.decimalSubtractor(settings(file, Names.BUNDLED_DECIMAL_SUBTRACTOR));
    }

    /** What this builder chose for {@code file}, with {@code bundled} as the resource when it is null. */
    private LoadSettings settings(Path file, String bundled) {
        return new LoadSettings(file, bundled, maxModelBytes, sha256, options());
    }

    private LoadOptions options() {
        return new LoadOptions(provider, intraOpThreads, batchThreads != null ? batchThreads : intraOpThreads,
                selfTest, allowUncertified);
    }
}
