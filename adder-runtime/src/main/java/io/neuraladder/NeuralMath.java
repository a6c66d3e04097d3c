package io.neuraladder;

import io.neuraladder.api.DigitSubtractor;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.api.Subtractor;
import io.neuraladder.assemble.DefaultModels;
import io.neuraladder.common.Names;
import io.neuraladder.compose.Multiplier;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * {@link Math}'s exact integer arithmetic, named and behaving like {@link Math} (all 45 of its
 * exact integer signatures up to JDK 21, the newer ones available here on JDK 17), with every
 * digit of every result computed by certified networks: the default adder and subtractor, and the
 * decimal subtractor for digit strings.
 *
 * <pre>{@code
 * NeuralMath.subtractExact(535, 61);                 // 474, by the bundled subtractor
 * NeuralMath.subtractExact(Integer.MIN_VALUE, 1);    // throws ArithmeticException("integer overflow")
 * NeuralMath.compare(-7, 3);                         // -1, from the learned difference -7 - 3
 * NeuralMath.ceilDiv(-7, 2);                         // -3: restoring division by the subtractor
 * NeuralMath.clamp(900L, 0, 255);                    // 255, chosen by learned differences
 * NeuralMath.subtractDecimal("61", "535");           // "-474"
 * }</pre>
 *
 * <p>Each network is chosen once, on its first use: the file named by its system property (else
 * environment variable), else the one bundled in this jar: the adder as for {@link NeuralAdder},
 * the subtractor by {@value #SUBTRACT_MODEL_PROPERTY} ({@value #SUBTRACT_MODEL_ENV}), the decimal
 * subtractor by {@value #SUBTRACT_DECIMAL_MODEL_PROPERTY}. Each file is checked as the operator it
 * is used for: an adder given as the subtractor is refused, whatever its metadata says.
 * {@link #builder()} makes an instance on chosen files.
 */
public final class NeuralMath {

    /** System property naming the default subtractor's model file. */
    public static final String SUBTRACT_MODEL_PROPERTY = Names.SUBTRACT_MODEL_PROPERTY;

    /** Environment variable naming the default subtractor's model file, used when the property is not set. */
    public static final String SUBTRACT_MODEL_ENV = Names.SUBTRACT_MODEL_ENV;

    /** System property naming the default decimal subtractor's model file. */
    public static final String SUBTRACT_DECIMAL_MODEL_PROPERTY = Names.SUBTRACT_DECIMAL_MODEL_PROPERTY;

    /** The subtractor bundled in the jar. */
    public static final String BUNDLED_SUBTRACTOR = Names.BUNDLED_SUBTRACTOR;

    /** The decimal subtractor bundled in the jar. */
    public static final String BUNDLED_DECIMAL_SUBTRACTOR = Names.BUNDLED_DECIMAL_SUBTRACTOR;

    private static final LearnedMath DEFAULTS = new LearnedMath(DefaultModels::adder, DefaultModels::subtractor,
            DefaultModels::decimalSubtractor, DefaultModels::decimalAdder, false);

    private NeuralMath() {}

    /**
     * Opens the subtractor file {@code model} on the CPU, checked as a subtractor (its certificate
     * against the subtraction's borrows, whatever its metadata says) and self-tested. Close it when done.
     *
     * @throws ModelLoadException if the file is refused: missing, not ONNX, breaking the contract,
     *     another operator's model, uncertified, or failing the self-test
     */
    public static Subtractor openSubtractor(Path model) {
        return new ModelBuilder().model(model).buildSubtractor();
    }

    /**
     * Opens the decimal subtractor file {@code model} on the CPU, checked as a decimal subtractor
     * and self-tested. Close it when done.
     *
     * @throws ModelLoadException if the file is refused, as for {@link #openSubtractor}
     */
    public static DigitSubtractor openDecimalSubtractor(Path model) {
        return new ModelBuilder().model(model).buildDecimalSubtractor();
    }

    /**
     * The builder of a {@link LearnedMath} on chosen model files, provider and threads
     * ({@link ModelBuilder#buildMath()}); close what it builds when done.
     */
    public static ModelBuilder builder() {
        return new ModelBuilder();
    }

    /**
     * Like {@link Math#addExact(int, int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the sum does not fit
     */
    public static int addExact(int a, int b) {
        return DEFAULTS.addExact(a, b);
    }

    /**
     * Like {@link Math#addExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the sum does not fit
     */
    public static long addExact(long a, long b) {
        return DEFAULTS.addExact(a, b);
    }

    /**
     * Like {@link Math#subtractExact(int, int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the difference does not fit
     */
    public static int subtractExact(int a, int b) {
        return DEFAULTS.subtractExact(a, b);
    }

    /**
     * Like {@link Math#subtractExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the difference does not fit
     */
    public static long subtractExact(long a, long b) {
        return DEFAULTS.subtractExact(a, b);
    }

    /**
     * Like {@link Math#negateExact(int)}: {@code 0 - a}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MIN_VALUE}
     */
    public static int negateExact(int a) {
        return DEFAULTS.negateExact(a);
    }

    /**
     * Like {@link Math#negateExact(long)}: {@code 0 - a}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MIN_VALUE}
     */
    public static long negateExact(long a) {
        return DEFAULTS.negateExact(a);
    }

    /**
     * Like {@link Math#absExact(int)}.
     *
     * @throws ArithmeticException with {@link Math}'s message for {@link Integer#MIN_VALUE}
     */
    public static int absExact(int a) {
        return DEFAULTS.absExact(a);
    }

    /**
     * Like {@link Math#absExact(long)}.
     *
     * @throws ArithmeticException with {@link Math}'s message for {@link Long#MIN_VALUE}
     */
    public static long absExact(long a) {
        return DEFAULTS.absExact(a);
    }

    /** Like {@link Integer#compare(int, int)}: -1, 0 or 1, from the learned difference {@code a - b}. */
    public static int compare(int a, int b) {
        return DEFAULTS.compare(a, b);
    }

    /** Like {@link Long#compare(long, long)}: -1, 0 or 1, from the learned difference {@code a - b}. */
    public static int compare(long a, long b) {
        return DEFAULTS.compare(a, b);
    }

    /**
     * Like {@link BigInteger#negate()}: {@code 0 - a} by the subtractor.
     *
     * @throws IllegalArgumentException if {@code a} is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     */
    public static BigInteger negate(BigInteger a) {
        return DEFAULTS.negate(a);
    }

    /**
     * Like {@link BigInteger#abs()}.
     *
     * @throws IllegalArgumentException if {@code a} is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     */
    public static BigInteger abs(BigInteger a) {
        return DEFAULTS.abs(a);
    }

    /**
     * Like {@link BigInteger#compareTo}: -1, 0 or 1 from the learned difference {@code a - b}.
     *
     * @throws IllegalArgumentException if an operand is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     */
    public static int compare(BigInteger a, BigInteger b) {
        return DEFAULTS.compare(a, b);
    }

    /**
     * Like {@link BigInteger#signum()}: -1, 0 or 1 from the learned difference {@code a - 0}.
     *
     * @throws IllegalArgumentException if {@code a} is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     */
    public static int signum(BigInteger a) {
        return DEFAULTS.signum(a);
    }

    /**
     * Like {@link BigInteger#subtract(BigInteger)}, for operands of any signs up to
     * {@link io.neuraladder.api.Adder#MAX_BIG_INTEGER_BITS} bits.
     *
     * @throws IllegalArgumentException if an operand is longer
     */
    public static BigInteger subtract(BigInteger a, BigInteger b) {
        return DEFAULTS.subtract(a, b);
    }

    /**
     * {@code a - b} for non-negative decimal strings, with a leading {@code -} when negative; see
     * {@link LearnedMath#subtractDecimal}.
     *
     * @throws NumberFormatException naming the operand, character and index of a refused operand
     * @throws IllegalArgumentException if an operand has more than {@value NeuralAdder#MAX_DIGITS} digits
     */
    public static String subtractDecimal(String a, String b) {
        return DEFAULTS.subtractDecimal(a, b);
    }

    /**
     * {@code a · b} for non-negative decimal strings of up to {@value LearnedMath#MAX_DECIMAL_FACTOR_DIGITS}
     * digits, every digit by the decimal adder; see {@link LearnedMath#multiplyDecimal}.
     *
     * @throws NumberFormatException naming the operand, character and index of a refused operand
     * @throws IllegalArgumentException if an operand is longer
     */
    public static String multiplyDecimal(String a, String b) {
        return DEFAULTS.multiplyDecimal(a, b);
    }

    /**
     * {@code {a / b, a % b}} for non-negative decimal strings, by long division on the decimal
     * subtractor; see {@link LearnedMath#divideDecimal}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is zero
     * @throws NumberFormatException naming the operand, character and index of a refused operand
     * @throws IllegalArgumentException if an operand is longer than {@link LearnedMath#divideDecimal} takes
     */
    public static String[] divideDecimal(String a, String b) {
        return DEFAULTS.divideDecimal(a, b);
    }

    /**
     * Like {@link Math#subtractExact(int, int)} per element.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static int[] subtractExact(int[] a, int[] b) {
        return DEFAULTS.subtractExact(a, b);
    }

    /**
     * Like {@link Math#subtractExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static long[] subtractExact(long[] a, long[] b) {
        return DEFAULTS.subtractExact(a, b);
    }

    /**
     * Like {@link Math#multiplyExact(int, int)}: Booth's partial products summed by the adder.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the product does not fit
     */
    public static int multiplyExact(int a, int b) {
        return DEFAULTS.multiplyExact(a, b);
    }

    /**
     * Like {@link Math#multiplyExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the product does not fit
     */
    public static long multiplyExact(long a, long b) {
        return DEFAULTS.multiplyExact(a, b);
    }

    /**
     * Like {@link Math#multiplyExact(int, int)} per element.
     *
     * @throws ArithmeticException naming the first index whose product overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static int[] multiplyExact(int[] a, int[] b) {
        return DEFAULTS.multiplyExact(a, b);
    }

    /**
     * Like {@link Math#multiplyExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose product overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static long[] multiplyExact(long[] a, long[] b) {
        return DEFAULTS.multiplyExact(a, b);
    }

    /**
     * {@code {a / b, a % b}}, like {@link BigInteger#divideAndRemainder}: the quotient truncated toward zero, the remainder with the dividend's sign; restoring division by the subtractor, one run per quotient bit.
     *
     * @throws ArithmeticException {@code "BigInteger divide by zero"} if {@code b} is 0
     * @throws IllegalArgumentException if an operand is longer than {@value LearnedMath#MAX_DIVIDEND_BITS} bits
     */
    public static BigInteger[] divideAndRemainder(BigInteger a, BigInteger b) {
        return DEFAULTS.divideAndRemainder(a, b);
    }

    /**
     * {@code a / b} truncated toward zero, like {@link BigInteger#divide}.
     *
     * @throws ArithmeticException {@code "BigInteger divide by zero"} if {@code b} is 0
     * @throws IllegalArgumentException if an operand is longer than {@value LearnedMath#MAX_DIVIDEND_BITS} bits
     */
    public static BigInteger divide(BigInteger a, BigInteger b) {
        return DEFAULTS.divide(a, b);
    }

    /**
     * {@code a % b} with the dividend's sign, like {@link BigInteger#remainder}.
     *
     * @throws ArithmeticException {@code "BigInteger divide by zero"} if {@code b} is 0
     * @throws IllegalArgumentException if an operand is longer than {@value LearnedMath#MAX_DIVIDEND_BITS} bits
     */
    public static BigInteger remainder(BigInteger a, BigInteger b) {
        return DEFAULTS.remainder(a, b);
    }

    /**
     * {@code a mod m} in {@code [0, m)}, like {@link BigInteger#mod}.
     *
     * @throws ArithmeticException {@code "BigInteger: modulus not positive"} if {@code m ≤ 0}
     * @throws IllegalArgumentException if an operand is longer than {@value LearnedMath#MAX_DIVIDEND_BITS} bits
     */
    public static BigInteger mod(BigInteger a, BigInteger m) {
        return DEFAULTS.mod(a, m);
    }

    /**
     * The greatest common divisor of {@code |a|} and {@code |b|}, like {@link BigInteger#gcd} (0 for two zeros): Stein's binary algorithm, its differences by the subtractor.
     *
     * @throws IllegalArgumentException if an operand is longer than {@value LearnedMath#MAX_DIVIDEND_BITS} bits
     */
    public static BigInteger gcd(BigInteger a, BigInteger b) {
        return DEFAULTS.gcd(a, b);
    }

    /**
     * {@code a^exponent}, like {@link BigInteger#pow}: square and multiply, the products by the adder.
     *
     * @throws ArithmeticException {@code "Negative exponent"} if {@code exponent < 0}
     * @throws IllegalArgumentException if the power could have more than {@value LearnedMath#MAX_POWER_BITS} bits
     */
    public static BigInteger pow(BigInteger a, int exponent) {
        return DEFAULTS.pow(a, exponent);
    }

    /**
     * {@code a^exponent mod m} in {@code [0, m)}, like {@link BigInteger#modPow}: square and multiply, each product reduced Montgomery's way for an odd modulus of more than 64 bits, else by the division above; a negative exponent through {@link #modInverse(BigInteger, BigInteger)}.
     *
     * @throws ArithmeticException {@code "BigInteger: modulus not positive"} if {@code m ≤ 0}, or {@code "BigInteger not invertible."} for a negative exponent of a base not prime to {@code m}
     * @throws IllegalArgumentException if {@code m} is longer than {@value LearnedMath#MAX_MODULUS_BITS} bits or the exponent longer than {@value LearnedMath#MAX_EXPONENT_BITS}
     */
    public static BigInteger modPow(BigInteger a, BigInteger exponent, BigInteger m) {
        return DEFAULTS.modPow(a, exponent, m);
    }

    /**
     * {@code x} in {@code [0, m)} with {@code a·x ≡ 1 (mod m)}, like {@link BigInteger#modInverse}: the extended Euclidean algorithm on learned quotients, products and differences.
     *
     * @throws ArithmeticException {@code "BigInteger: modulus not positive"} if {@code m ≤ 0}, {@code "BigInteger not invertible."} if {@code a} and {@code m} are not coprime
     * @throws IllegalArgumentException if {@code m} is longer than {@value LearnedMath#MAX_MODULUS_BITS} bits
     */
    public static BigInteger modInverse(BigInteger a, BigInteger m) {
        return DEFAULTS.modInverse(a, m);
    }

    /**
     * The largest integer whose square is at most {@code a}, like {@link BigInteger#sqrt}: the digit-by-digit binary root, one subtractor run per result bit.
     *
     * @throws ArithmeticException {@code "Negative BigInteger"} if {@code a < 0}
     * @throws IllegalArgumentException if {@code a} is longer than {@value LearnedMath#MAX_DIVIDEND_BITS} bits
     */
    public static BigInteger sqrt(BigInteger a) {
        return DEFAULTS.sqrt(a);
    }

    /**
     * Like {@link BigInteger#multiply(BigInteger)}, for operands of any signs up to
     * {@value LearnedMath#MAX_FACTOR_BITS} bits.
     *
     * @throws IllegalArgumentException if an operand is longer
     */
    public static BigInteger multiply(BigInteger a, BigInteger b) {
        return DEFAULTS.multiply(a, b);
    }

    /**
     * The partial products {@link #multiplyExact(int, int)} has the adder sum for {@code a · b}:
     * Booth's radix-4 terms modulo 2^64 (shifted copies of the multiplicand or of its bitwise NOT,
     * correction bits placed in free positions), padded with zeros to a power of two; their sum
     * modulo 2^64 is the exact product. For tools that show how a product is made (the explorer).
     */
    public static long[] partialProducts(int a, int b) {
        return Multiplier.partialProducts(a, b);
    }

    /**
     * Like {@link Math#floorDiv(int, int)}, {@code floorDiv(Integer.MIN_VALUE, -1)} included.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static int floorDiv(int a, int b) {
        return DEFAULTS.floorDiv(a, b);
    }

    /**
     * Like {@link Math#floorDiv(long, long)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static long floorDiv(long a, long b) {
        return DEFAULTS.floorDiv(a, b);
    }

    /**
     * Like {@link Math#floorMod(int, int)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static int floorMod(int a, int b) {
        return DEFAULTS.floorMod(a, b);
    }

    /**
     * Like {@link Math#floorMod(long, long)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static long floorMod(long a, long b) {
        return DEFAULTS.floorMod(a, b);
    }

    /**
     * {@link Math#floorDiv(int, int)} per element.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static int[] floorDiv(int[] a, int[] b) {
        return DEFAULTS.floorDiv(a, b);
    }

    /**
     * Like {@link Math#floorDiv(long, int)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static long floorDiv(long a, int b) {
        return DEFAULTS.floorDiv(a, b);
    }

    /**
     * Like {@link Math#floorMod(long, int)}: an int, as the modulus has the divisor's size.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static int floorMod(long a, int b) {
        return DEFAULTS.floorMod(a, b);
    }

    /**
     * {@code a} divided by {@code b}, rounded toward positive infinity, like {@code Math.ceilDiv(int, int)}
     * (JDK 18; {@code ceilDiv(Integer.MIN_VALUE, -1)} is {@code Integer.MIN_VALUE}).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static int ceilDiv(int a, int b) {
        return DEFAULTS.ceilDiv(a, b);
    }

    /**
     * Like {@code Math.ceilDiv(long, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static long ceilDiv(long a, int b) {
        return DEFAULTS.ceilDiv(a, b);
    }

    /**
     * Like {@code Math.ceilDiv(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static long ceilDiv(long a, long b) {
        return DEFAULTS.ceilDiv(a, b);
    }

    /**
     * {@code a} modulo {@code b} with the opposite sign of {@code b} (or 0), like
     * {@code Math.ceilMod(int, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static int ceilMod(int a, int b) {
        return DEFAULTS.ceilMod(a, b);
    }

    /**
     * Like {@code Math.ceilMod(long, int)} (JDK 18): an int.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static int ceilMod(long a, int b) {
        return DEFAULTS.ceilMod(a, b);
    }

    /**
     * Like {@code Math.ceilMod(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public static long ceilMod(long a, long b) {
        return DEFAULTS.ceilMod(a, b);
    }

    /**
     * {@code a / b} rounded toward zero, like {@code Math.divideExact(int, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0; {@code "integer overflow"}
     *     for {@code Integer.MIN_VALUE / -1}
     */
    public static int divideExact(int a, int b) {
        return DEFAULTS.divideExact(a, b);
    }

    /**
     * Like {@code Math.divideExact(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "long overflow"} for {@code Long.MIN_VALUE / -1}
     */
    public static long divideExact(long a, long b) {
        return DEFAULTS.divideExact(a, b);
    }

    /**
     * Like {@code Math.floorDivExact(int, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "integer overflow"} for {@code Integer.MIN_VALUE / -1}
     */
    public static int floorDivExact(int a, int b) {
        return DEFAULTS.floorDivExact(a, b);
    }

    /**
     * Like {@code Math.floorDivExact(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "long overflow"} for {@code Long.MIN_VALUE / -1}
     */
    public static long floorDivExact(long a, long b) {
        return DEFAULTS.floorDivExact(a, b);
    }

    /**
     * Like {@code Math.ceilDivExact(int, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "integer overflow"} for {@code Integer.MIN_VALUE / -1}
     */
    public static int ceilDivExact(int a, int b) {
        return DEFAULTS.ceilDivExact(a, b);
    }

    /**
     * Like {@code Math.ceilDivExact(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "long overflow"} for {@code Long.MIN_VALUE / -1}
     */
    public static long ceilDivExact(long a, long b) {
        return DEFAULTS.ceilDivExact(a, b);
    }

    /**
     * {@code Math.floorDiv(a[i], b[i])} for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static long[] floorDiv(long[] a, long[] b) {
        return DEFAULTS.floorDiv(a, b);
    }

    /**
     * {@code Math.floorMod(a[i], b[i])} for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static int[] floorMod(int[] a, int[] b) {
        return DEFAULTS.floorMod(a, b);
    }

    /**
     * {@code Math.floorMod(a[i], b[i])} for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static long[] floorMod(long[] a, long[] b) {
        return DEFAULTS.floorMod(a, b);
    }

    /**
     * {@code Math.ceilDiv(a[i], b[i])} (JDK 18) for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static int[] ceilDiv(int[] a, int[] b) {
        return DEFAULTS.ceilDiv(a, b);
    }

    /**
     * {@code Math.ceilDiv(a[i], b[i])} (JDK 18) for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static long[] ceilDiv(long[] a, long[] b) {
        return DEFAULTS.ceilDiv(a, b);
    }

    /**
     * {@code Math.ceilMod(a[i], b[i])} (JDK 18) for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static int[] ceilMod(int[] a, int[] b) {
        return DEFAULTS.ceilMod(a, b);
    }

    /**
     * {@code Math.ceilMod(a[i], b[i])} (JDK 18) for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static long[] ceilMod(long[] a, long[] b) {
        return DEFAULTS.ceilMod(a, b);
    }

    /**
     * {@code a + 1} by the adder, like {@link Math#incrementExact(int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MAX_VALUE}
     */
    public static int incrementExact(int a) {
        return DEFAULTS.incrementExact(a);
    }

    /**
     * {@code a + 1} by the adder, like {@link Math#incrementExact(long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MAX_VALUE}
     */
    public static long incrementExact(long a) {
        return DEFAULTS.incrementExact(a);
    }

    /**
     * {@code a - 1} by the subtractor, like {@link Math#decrementExact(int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MIN_VALUE}
     */
    public static int decrementExact(int a) {
        return DEFAULTS.decrementExact(a);
    }

    /**
     * {@code a - 1} by the subtractor, like {@link Math#decrementExact(long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MIN_VALUE}
     */
    public static long decrementExact(long a) {
        return DEFAULTS.decrementExact(a);
    }

    /**
     * {@code a} as an int, like {@link Math#toIntExact(long)}: no arithmetic, a reading of its bits
     * (the value fits exactly when its high 33 bits are all equal).
     *
     * @throws ArithmeticException {@code "integer overflow"} if it does not fit
     */
    public static int toIntExact(long a) {
        return DEFAULTS.toIntExact(a);
    }

    /**
     * Like {@link Math#multiplyExact(long, int)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the product does not fit
     */
    public static long multiplyExact(long a, int b) {
        return DEFAULTS.multiplyExact(a, b);
    }

    /** The exact product of two ints as a long, like {@link Math#multiplyFull(int, int)}: Booth's terms summed by the adder. */
    public static long multiplyFull(int a, int b) {
        return DEFAULTS.multiplyFull(a, b);
    }

    /** The high 64 bits of the 128-bit product, like {@link Math#multiplyHigh(long, long)}. */
    public static long multiplyHigh(long a, long b) {
        return DEFAULTS.multiplyHigh(a, b);
    }

    /** The high 64 bits of the unsigned 128-bit product, like {@code Math.unsignedMultiplyHigh(long, long)} (JDK 18). */
    public static long unsignedMultiplyHigh(long a, long b) {
        return DEFAULTS.unsignedMultiplyHigh(a, b);
    }

    /**
     * {@code |a|}, like {@link Math#abs(int)}: {@code a} where its sign bit is clear, else the
     * subtractor's {@code 0 - a}, wrapped, so {@code abs(Integer.MIN_VALUE)} is {@code Integer.MIN_VALUE}.
     */
    public static int abs(int a) {
        return DEFAULTS.abs(a);
    }

    /** Like {@link Math#abs(long)}; {@code abs(Long.MIN_VALUE)} is {@code Long.MIN_VALUE}. */
    public static long abs(long a) {
        return DEFAULTS.abs(a);
    }

    /** The greater of two ints, like {@link Math#max(int, int)}: chosen by the learned difference {@code a - b}. */
    public static int max(int a, int b) {
        return DEFAULTS.max(a, b);
    }

    /** Like {@link Math#max(long, long)}, chosen by the learned difference. */
    public static long max(long a, long b) {
        return DEFAULTS.max(a, b);
    }

    /** The lesser of two ints, like {@link Math#min(int, int)}: chosen by the learned difference {@code a - b}. */
    public static int min(int a, int b) {
        return DEFAULTS.min(a, b);
    }

    /** Like {@link Math#min(long, long)}, chosen by the learned difference. */
    public static long min(long a, long b) {
        return DEFAULTS.min(a, b);
    }

    /**
     * {@code value} held within {@code [min, max]}, as an int, like {@code Math.clamp(long, int, int)}
     * (JDK 21); every comparison is a learned difference.
     *
     * @throws IllegalArgumentException {@code min + " > " + max}, as {@code Math} words it, if {@code min > max}
     */
    public static int clamp(long value, int min, int max) {
        return DEFAULTS.clamp(value, min, max);
    }

    /**
     * {@code value} held within {@code [min, max]}, like {@code Math.clamp(long, long, long)} (JDK 21).
     *
     * @throws IllegalArgumentException {@code min + " > " + max} if {@code min > max}
     */
    public static long clamp(long value, long min, long max) {
        return DEFAULTS.clamp(value, min, max);
    }

    /** What the default adder is. */
    public static ModelInfo adderModel() {
        return DEFAULTS.adderModel();
    }

    /** What the default subtractor is. */
    public static ModelInfo subtractorModel() {
        return DEFAULTS.subtractorModel();
    }

    /** What the default decimal subtractor is. */
    public static ModelInfo decimalSubtractorModel() {
        return DEFAULTS.decimalSubtractorModel();
    }

    /**
     * Switches the default subtractor to the file {@code model}, checked as a subtractor.
     *
     * @throws ModelLoadException if the file is refused; the old subtractor keeps serving
     */
    public static void reloadSubtractor(Path model) {
        DEFAULTS.reloadSubtractor(model);
    }
}
