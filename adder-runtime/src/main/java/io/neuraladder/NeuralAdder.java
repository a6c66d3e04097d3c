package io.neuraladder;

import io.neuraladder.api.Adder;
import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.DigitAdder;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.api.Overflow;
import io.neuraladder.assemble.DefaultModels;
import io.neuraladder.common.Limits;
import io.neuraladder.common.Names;
import io.neuraladder.contract.Operator;
import io.neuraladder.load.ModelLoad;
import io.neuraladder.load.ModelSource;
import java.math.BigInteger;
import java.nio.file.Path;

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
 * default {@code cpu}); array calls use one ONNX Runtime thread per core (see {@link DefaultModels}).
 * {@link #open(Path)} and {@link #builder()} ({@link ModelBuilder}) load any other model file;
 * {@link NeuralMath} adds subtraction, negation, comparison and the rest of {@link Math}'s exact
 * family.
 */
public final class NeuralAdder {

    /** System property naming the default model file. */
    public static final String MODEL_PROPERTY = Names.MODEL_PROPERTY;

    /** Environment variable naming the default model file, used when the property is not set. */
    public static final String MODEL_ENV = Names.MODEL_ENV;

    /** System property pinning the default model file's SHA-256 (hex). */
    public static final String MODEL_SHA256_PROPERTY = Names.MODEL_SHA256_PROPERTY;

    /** System property naming the default model's execution provider. */
    public static final String PROVIDER_PROPERTY = Names.PROVIDER_PROPERTY;

    /** File name of the model bundled in this jar, copied from the repository's {@code models/}. */
    public static final String BUNDLED_MODEL = Names.BUNDLED_MODEL;

    /**
     * Default limit on a model file's size: the binary models are a few KB with their certificates,
     * the decimal one a few MB (its certificate has 20,100 boxes).
     */
    public static final long DEFAULT_MAX_MODEL_BYTES = Limits.DEFAULT_MAX_MODEL_BYTES;

    /** System property with the threads ONNX Runtime uses inside one array call of the static methods. */
    public static final String BATCH_THREADS_PROPERTY = Names.BATCH_THREADS_PROPERTY;

    /** The longest digit-string operand of {@link #addDecimal} and the digit-serial adders, in digits. */
    public static final int MAX_DIGITS = Limits.MAX_DIGITS;

    /** The decimal adder bundled in the jar, used by {@link #addDecimal} unless configured otherwise. */
    public static final String BUNDLED_DECIMAL_MODEL = Names.BUNDLED_DECIMAL_MODEL;

    /** System property naming the decimal model file {@link #addDecimal} uses. */
    public static final String DECIMAL_MODEL_PROPERTY = Names.DECIMAL_MODEL_PROPERTY;

    /**
     * System property that, set to {@code true}, lets the static methods serve a default model
     * whose certificate is missing or does not check (on its self-test alone).
     */
    public static final String ALLOW_UNCERTIFIED_PROPERTY = Names.ALLOW_UNCERTIFIED_PROPERTY;

    /** Environment variable with the meaning of {@value #ALLOW_UNCERTIFIED_PROPERTY}; the property wins. */
    public static final String ALLOW_UNCERTIFIED_ENV = Names.ALLOW_UNCERTIFIED_ENV;


    private NeuralAdder() {}

    /**
     * Adds two ints with the default model, like {@link Math#addExact(int, int)}.
     *
     * @return {@code a + b}
     * @throws ArithmeticException if the sum overflows an {@code int}
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static int add(int a, int b) {
        return Overflow.checked(a, b, DefaultModels.adder().addWrapping(a, b));
    }

    /**
     * Adds two ints with the default model, like Java's {@code +}, wrapping on overflow.
     *
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static int addWrapping(int a, int b) {
        return DefaultModels.adder().addWrapping(a, b);
    }

    /**
     * Describes the default model, loading it if needed.
     *
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static ModelInfo defaultModel() {
        return DefaultModels.adder().model();
    }

    /**
     * Adds two longs with the default model, like {@link Math#addExact(long, long)}.
     *
     * @throws ArithmeticException if the sum overflows a {@code long}
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static long add(long a, long b) {
        return DefaultModels.adder().add(a, b);
    }

    /**
     * Adds two longs with the default model, like Java's {@code +}, wrapping on overflow.
     *
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static long addWrapping(long a, long b) {
        return DefaultModels.adder().addWrapping(a, b);
    }

    /**
     * Adds two integers of any size with the default model, like {@link BigInteger#add(BigInteger)}.
     *
     * @throws IllegalArgumentException if an operand is longer than {@link Adder#MAX_BIG_INTEGER_BITS} bits
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static BigInteger add(BigInteger a, BigInteger b) {
        return DefaultModels.adder().add(a, b);
    }

    /**
     * Adds {@code a[i] + b[i]} with the default model, like {@link Math#addExact(int, int)} per element.
     *
     * @throws ArithmeticException naming the first index whose sum overflows
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static int[] add(int[] a, int[] b) {
        return DefaultModels.adder().add(a, b);
    }

    /**
     * Adds {@code a[i] + b[i]} with the default model, like Java's {@code +} per element.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static int[] addWrapping(int[] a, int[] b) {
        return DefaultModels.adder().addWrapping(a, b);
    }

    /**
     * Adds {@code a[i] + b[i]} with the default model, like {@link Math#addExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose sum overflows
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static long[] add(long[] a, long[] b) {
        return DefaultModels.adder().add(a, b);
    }

    /**
     * Adds {@code a[i] + b[i]} with the default model, like Java's {@code +} on longs per element.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     * @throws ModelLoadException if the default model cannot be loaded
     */
    public static long[] addWrapping(long[] a, long[] b) {
        return DefaultModels.adder().addWrapping(a, b);
    }

    /**
     * Switches the static methods to the model file {@code model} at run time, with the default
     * model's options. Calls in flight finish on the old model.
     *
     * @throws ModelLoadException if the new model is refused; the old default keeps serving
     */
    public static void reloadDefault(Path model) {
        DefaultModels.adder().reload(model);
    }

    /**
     * The sum of two non-negative decimal integers of any length (up to
     * {@value NeuralAdder#MAX_DIGITS} digits), computed digit by digit by the default decimal
     * model: the bundled one, or the file named by {@value #DECIMAL_MODEL_PROPERTY}.
     * {@code addDecimal("535", "61")} is {@code "596"}.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the digits 0-9
     *     (no sign, spaces, separators or decimal point; leading zeros are fine)
     * @throws IllegalArgumentException if an operand has more than {@value NeuralAdder#MAX_DIGITS} digits
     */
    public static String addDecimal(String a, String b) {
        return DefaultModels.decimalAdder().add(a, b);
    }

    /**
     * The sum of two non-negative integers, computed digit by digit in decimal by the default
     * decimal model.
     *
     * @throws IllegalArgumentException if an operand is negative or too long
     */
    public static BigInteger addDecimal(BigInteger a, BigInteger b) {
        return DefaultModels.decimalAdder().add(a, b);
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
    public static DigitAdder openDecimal(Path model) {
        return builder().model(model).buildDecimal();
    }

    /**
     * Opens the digit-serial model file {@code model} in whatever radix it declares (3 to 36) on
     * the CPU, checked, its certificate checked, and self-tested; its {@code add(String, String)}
     * reads and writes numbers in that radix. Close the returned adder when done.
     *
     * @throws ModelLoadException if the file is refused, as for {@link #openDecimal}
     */
    public static DigitAdder openDigitSerial(Path model) {
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
    public static Adder open(Path model) {
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
        return checkCertificate(model, Operator.ADD);
    }

    /**
     * Checks the certificate of the model file {@code model} as a model of {@code operator} (an
     * adder or a subtractor, binary or digit-serial), as every open does, without starting ONNX
     * Runtime.
     *
     * @throws ModelCertificateException if the certificate is missing or does not check as {@code operator}'s
     * @throws ModelLoadException if the file is missing, unreadable, not ONNX or breaks the contract
     */
    public static CertificateCheck checkCertificate(Path model, Operator operator) {
        return ModelLoad.checkCertificate(ModelSource.read(model, DEFAULT_MAX_MODEL_BYTES), operator);
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
    public static ModelBuilder builder() {
        return new ModelBuilder();
    }
}
