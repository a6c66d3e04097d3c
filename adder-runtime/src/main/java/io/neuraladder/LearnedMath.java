package io.neuraladder;

import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.common.Limits;
import io.neuraladder.compose.BigArithmetic;
import io.neuraladder.compose.DecimalArithmetic;
import io.neuraladder.compose.DigitSerialAdder;
import io.neuraladder.compose.DigitSerialSubtractor;
import io.neuraladder.compose.Divider;
import io.neuraladder.compose.Multiplier;
import io.neuraladder.compose.ReloadableAdder;
import io.neuraladder.compose.ReloadableSubtractor;
import io.neuraladder.compose.Rounding;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@link Math}'s exact integer arithmetic with every digit of every result computed by certified
 * networks: an adder (which also sums multiplication's partial products), a subtractor (which also
 * divides), and a decimal adder and subtractor for digit strings (which also multiply and divide
 * them). {@link NeuralMath}'s static methods use one on the default models; {@link NeuralMath#builder()}'s
 * {@link ModelBuilder#buildMath()} makes one on chosen files, to be closed when done.
 *
 * <p>The Java between network calls only wires: it chooses which operand goes first, reads sign
 * bits and the final borrow, and throws where {@link Math} throws. Each result is exact because
 * the network call it comes from is (docs/certification.md gives the argument for each method).
 * Thread-safe.
 */
public final class LearnedMath implements AutoCloseable {

    /** The longest factor {@link #multiply(BigInteger, BigInteger)} takes, in bits. */
    public static final int MAX_FACTOR_BITS = Limits.MAX_FACTOR_BITS;

    /** The longest dividend of the {@code BigInteger} division family and of {@link #sqrt}, in bits. */
    public static final int MAX_DIVIDEND_BITS = BigArithmetic.MAX_DIVIDEND_BITS;

    /** The longest modulus of {@link #modPow} and {@link #modInverse}. */
    public static final int MAX_MODULUS_BITS = BigArithmetic.MAX_MODULUS_BITS;

    /** The longest power {@link #pow(BigInteger, int)} computes, in bits. */
    public static final int MAX_POWER_BITS = BigArithmetic.MAX_POWER_BITS;

    /** The longest exponent of {@link #modPow}: each bit costs up to two products and two divisions. */
    public static final int MAX_EXPONENT_BITS = BigArithmetic.MAX_EXPONENT_BITS;

    /** The longest factor of {@link #multiplyDecimal}, and the longest divisor of {@link #divideDecimal}, in digits. */
    public static final int MAX_DECIMAL_FACTOR_DIGITS = Limits.MAX_DECIMAL_FACTOR_DIGITS;

    /** The longest dividend of {@link #divideDecimal}, in digits. */
    public static final int MAX_DECIMAL_DIVIDEND_DIGITS = Limits.MAX_DECIMAL_DIVIDEND_DIGITS;

    private final Supplier<ReloadableAdder> adder;
    private final Supplier<ReloadableSubtractor> subtractor;
    private final Supplier<DigitSerialSubtractor> decimalSubtractor;
    private final Supplier<DigitSerialAdder> decimalAdder;
    private final boolean owned;

    LearnedMath(Supplier<ReloadableAdder> adder, Supplier<ReloadableSubtractor> subtractor,
            Supplier<DigitSerialSubtractor> decimalSubtractor, Supplier<DigitSerialAdder> decimalAdder,
            boolean owned) {
        this.adder = adder;
        this.subtractor = subtractor;
        this.decimalSubtractor = decimalSubtractor;
        this.decimalAdder = decimalAdder;
        this.owned = owned;
    }

    /**
     * {@code a + b}, like {@link Math#addExact(int, int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the sum does not fit
     */
    public int addExact(int a, int b) {
        return adder.get().add(a, b);
    }

    /**
     * {@code a + b}, like {@link Math#addExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the sum does not fit
     */
    public long addExact(long a, long b) {
        return adder.get().add(a, b);
    }

    /**
     * {@code a - b}, like {@link Math#subtractExact(int, int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the difference does not fit
     */
    public int subtractExact(int a, int b) {
        return subtractor.get().subtractExact(a, b);
    }

    /**
     * {@code a - b}, like {@link Math#subtractExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the difference does not fit
     */
    public long subtractExact(long a, long b) {
        return subtractor.get().subtractExact(a, b);
    }

    /**
     * {@code -a}, computed as {@code 0 - a}, like {@link Math#negateExact(int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MIN_VALUE}
     */
    public int negateExact(int a) {
        return subtractor.get().negateExact(a);
    }

    /**
     * {@code -a}, computed as {@code 0 - a}, like {@link Math#negateExact(long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MIN_VALUE}
     */
    public long negateExact(long a) {
        return subtractor.get().negateExact(a);
    }

    /**
     * {@code |a|}, like {@link Math#absExact(int)}.
     *
     * @throws ArithmeticException with {@link Math#absExact(int)}'s message for {@link Integer#MIN_VALUE}
     */
    public int absExact(int a) {
        return subtractor.get().absExact(a);
    }

    /**
     * {@code |a|}, like {@link Math#absExact(long)}.
     *
     * @throws ArithmeticException with {@link Math#absExact(long)}'s message for {@link Long#MIN_VALUE}
     */
    public long absExact(long a) {
        return subtractor.get().absExact(a);
    }

    /** {@link Integer#compare(int, int)}: -1, 0 or 1, decided from the learned difference {@code a - b}. */
    public int compare(int a, int b) {
        return subtractor.get().compare(a, b);
    }

    /** {@link Long#compare(long, long)}: -1, 0 or 1, decided from the learned difference {@code a - b}. */
    public int compare(long a, long b) {
        return subtractor.get().compare(a, b);
    }

    /**
     * {@code -a}, computed as {@code 0 - a} by the subtractor, like {@link BigInteger#negate()}.
     *
     * @throws IllegalArgumentException if {@code a} is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     * @throws NullPointerException if {@code a} is null
     */
    public BigInteger negate(BigInteger a) {
        return subtract(BigInteger.ZERO, a);
    }

    /**
     * {@code |a|}, like {@link BigInteger#abs()}: {@code a} where its sign bit is clear, else the
     * subtractor's {@code 0 - a}.
     *
     * @throws IllegalArgumentException if {@code a} is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     * @throws NullPointerException if {@code a} is null
     */
    public BigInteger abs(BigInteger a) {
        return a.signum() >= 0 ? a : negate(a);
    }

    /**
     * -1, 0 or 1 as {@code a} is below, equal to or above {@code b}, like
     * {@link BigInteger#compareTo}: the sign of the subtractor's exact difference {@code a - b}.
     *
     * @throws IllegalArgumentException if an operand is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     * @throws NullPointerException if an operand is null
     */
    public int compare(BigInteger a, BigInteger b) {
        return subtract(a, b).signum();
    }

    /**
     * -1, 0 or 1 as {@code a} is negative, zero or positive, like {@link BigInteger#signum()}: the
     * sign of the learned difference {@code a - 0}, as for {@link #compare(BigInteger, BigInteger)}.
     *
     * @throws IllegalArgumentException if {@code a} is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     * @throws NullPointerException if {@code a} is null
     */
    public int signum(BigInteger a) {
        return compare(a, BigInteger.ZERO);
    }

    /**
     * {@code a - b} for integers of any signs and sizes, like {@link BigInteger#subtract}.
     *
     * @throws IllegalArgumentException if an operand is longer than {@code Adder.MAX_BIG_INTEGER_BITS} bits
     */
    public BigInteger subtract(BigInteger a, BigInteger b) {
        return subtractor.get().subtract(a, b);
    }

    /**
     * {@code a - b} for non-negative decimal integers of any length (up to
     * {@value NeuralAdder#MAX_DIGITS} digits), as a decimal string with a leading {@code -}
     * when it is negative and no leading zeros: {@code subtractDecimal("61", "535")} is
     * {@code "-474"} (see {@link io.neuraladder.api.DigitSubtractor#subtract}).
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the digits 0-9,
     *     naming the operand, the character and its index
     * @throws IllegalArgumentException if an operand has more than {@value NeuralAdder#MAX_DIGITS} digits
     * @throws NullPointerException if an operand is null
     */
    public String subtractDecimal(String a, String b) {
        return decimalSubtractor.get().subtract(a, b);
    }

    /**
     * {@code a · b} for non-negative decimal integers of up to {@value #MAX_DECIMAL_FACTOR_DIGITS}
     * digits, as a decimal string without leading zeros: {@code multiplyDecimal("535", "61")} is
     * {@code "32635"}. Every digit is the decimal adder's: the multiplicand's multiples, then the
     * shifted partial products summed level by level.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the digits 0-9,
     *     naming the operand, the character and its index
     * @throws IllegalArgumentException if an operand is longer
     * @throws NullPointerException if an operand is null
     */
    public String multiplyDecimal(String a, String b) {
        return DecimalArithmetic.multiply(decimalAdder.get(), a, b);
    }

    /**
     * The quotient and remainder of non-negative decimal integers, {@code {a / b, a % b}}, like
     * {@link BigInteger#divideAndRemainder} on them: long division, each quotient digit from one
     * batched run of the decimal subtractor against the divisor's multiples (the decimal adder's).
     * {@code divideDecimal("535", "61")} is {@code {"8", "47"}}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is zero
     * @throws NumberFormatException if an operand is empty or holds anything but the digits 0-9
     * @throws IllegalArgumentException if the dividend has more than
     *     {@value #MAX_DECIMAL_DIVIDEND_DIGITS} digits or the divisor more than
     *     {@value #MAX_DECIMAL_FACTOR_DIGITS}
     * @throws NullPointerException if an operand is null
     */
    public String[] divideDecimal(String a, String b) {
        return DecimalArithmetic.divide(decimalAdder.get(), decimalSubtractor.get(), a, b);
    }

    /**
     * {@code a[i] - b[i]} for every index, like {@link Math#subtractExact(int, int)} per element, in
     * bounded chunks.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] subtractExact(int[] a, int[] b) {
        return subtractor.get().subtractExact(a, b);
    }

    /**
     * {@code a[i] - b[i]} for every index, like {@link Math#subtractExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] subtractExact(long[] a, long[] b) {
        return subtractor.get().subtractExact(a, b);
    }

    /**
     * {@code a · b}, like {@link Math#multiplyExact(int, int)}: Booth's partial products of the
     * operands, summed by the adder in one tree.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the product does not fit
     */
    public int multiplyExact(int a, int b) {
        return Multiplier.multiplyExact(adder.get(), a, b);
    }

    /**
     * {@code a · b}, like {@link Math#multiplyExact(long, long)}: the exact product's partial
     * products summed by the adder, level by level.
     *
     * @throws ArithmeticException {@code "long overflow"} if the product does not fit
     */
    public long multiplyExact(long a, long b) {
        return Multiplier.multiplyExact(adder.get(), a, b);
    }

    /**
     * {@code a[i] · b[i]} for every index, like {@link Math#multiplyExact(int, int)} per element:
     * every element's partial products summed by the adder in the same trees, in bounded chunks.
     *
     * @throws ArithmeticException naming the first index whose product overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] multiplyExact(int[] a, int[] b) {
        return Multiplier.multiplyExact(adder.get(), a, b);
    }

    /**
     * {@code a[i] · b[i]} for every index, like {@link Math#multiplyExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose product overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] multiplyExact(long[] a, long[] b) {
        return Multiplier.multiplyExact(adder.get(), a, b);
    }

    /**
     * {@code a · b} for integers of any signs up to {@value #MAX_FACTOR_BITS} bits each, like
     * {@link BigInteger#multiply}.
     *
     * @throws IllegalArgumentException if an operand is longer
     */
    public BigInteger multiply(BigInteger a, BigInteger b) {
        return Multiplier.multiply(adder.get(), a, b);
    }

    /**
     * {@code {a / b, a % b}}, like {@link BigInteger#divideAndRemainder}: the quotient truncated toward zero, the remainder with the dividend's sign; restoring division by the subtractor, one run per quotient bit.
     *
     * @throws ArithmeticException {@code "BigInteger divide by zero"} if {@code b} is 0
     * @throws IllegalArgumentException if an operand is longer than {@value #MAX_DIVIDEND_BITS} bits
     */
    public BigInteger[] divideAndRemainder(BigInteger a, BigInteger b) {
        return big().divideAndRemainder(a, b);
    }

    /**
     * {@code a / b} truncated toward zero, like {@link BigInteger#divide}.
     *
     * @throws ArithmeticException {@code "BigInteger divide by zero"} if {@code b} is 0
     * @throws IllegalArgumentException if an operand is longer than {@value #MAX_DIVIDEND_BITS} bits
     */
    public BigInteger divide(BigInteger a, BigInteger b) {
        return big().divide(a, b);
    }

    /**
     * {@code a % b} with the dividend's sign, like {@link BigInteger#remainder}.
     *
     * @throws ArithmeticException {@code "BigInteger divide by zero"} if {@code b} is 0
     * @throws IllegalArgumentException if an operand is longer than {@value #MAX_DIVIDEND_BITS} bits
     */
    public BigInteger remainder(BigInteger a, BigInteger b) {
        return big().remainder(a, b);
    }

    /**
     * {@code a mod m} in {@code [0, m)}, like {@link BigInteger#mod}.
     *
     * @throws ArithmeticException {@code "BigInteger: modulus not positive"} if {@code m ≤ 0}
     * @throws IllegalArgumentException if an operand is longer than {@value #MAX_DIVIDEND_BITS} bits
     */
    public BigInteger mod(BigInteger a, BigInteger m) {
        return big().mod(a, m);
    }

    /**
     * The greatest common divisor of {@code |a|} and {@code |b|}, like {@link BigInteger#gcd} (0 for two zeros): Stein's binary algorithm, its differences by the subtractor.
     *
     * @throws IllegalArgumentException if an operand is longer than {@value #MAX_DIVIDEND_BITS} bits
     */
    public BigInteger gcd(BigInteger a, BigInteger b) {
        return big().gcd(a, b);
    }

    /**
     * {@code a^exponent}, like {@link BigInteger#pow}: square and multiply, the products by the adder.
     *
     * @throws ArithmeticException {@code "Negative exponent"} if {@code exponent < 0}
     * @throws IllegalArgumentException if the power could have more than {@value LearnedMath#MAX_POWER_BITS} bits
     */
    public BigInteger pow(BigInteger a, int exponent) {
        return big().pow(a, exponent);
    }

    /**
     * {@code a^exponent mod m} in {@code [0, m)}, like {@link BigInteger#modPow}: square and multiply, each product reduced Montgomery's way for an odd modulus of more than 64 bits, else by the division above; a negative exponent through {@link #modInverse}.
     *
     * @throws ArithmeticException {@code "BigInteger: modulus not positive"} if {@code m ≤ 0}, or {@code "BigInteger not invertible."} for a negative exponent of a base not prime to {@code m}
     * @throws IllegalArgumentException if {@code m} is longer than {@value #MAX_MODULUS_BITS} bits or the exponent longer than {@value #MAX_EXPONENT_BITS}
     */
    public BigInteger modPow(BigInteger a, BigInteger exponent, BigInteger m) {
        return big().modPow(a, exponent, m);
    }

    /**
     * {@code x} in {@code [0, m)} with {@code a·x ≡ 1 (mod m)}, like {@link BigInteger#modInverse}: the extended Euclidean algorithm on learned quotients, products and differences.
     *
     * @throws ArithmeticException {@code "BigInteger: modulus not positive"} if {@code m ≤ 0}, {@code "BigInteger not invertible."} if {@code a} and {@code m} are not coprime
     * @throws IllegalArgumentException if {@code m} is longer than {@value #MAX_MODULUS_BITS} bits
     */
    public BigInteger modInverse(BigInteger a, BigInteger m) {
        return big().modInverse(a, m);
    }

    /**
     * The largest integer whose square is at most {@code a}, like {@link BigInteger#sqrt}: the digit-by-digit binary root, one subtractor run per result bit.
     *
     * @throws ArithmeticException {@code "Negative BigInteger"} if {@code a < 0}
     * @throws IllegalArgumentException if {@code a} is longer than {@value #MAX_DIVIDEND_BITS} bits
     */
    public BigInteger sqrt(BigInteger a) {
        return big().sqrt(a);
    }

    private BigArithmetic big() {
        return new BigArithmetic(subtractor.get(), adder.get());
    }

    /**
     * {@code a} divided by {@code b}, rounded toward negative infinity, like
     * {@link Math#floorDiv(int, int)} (and like it, {@code floorDiv(Integer.MIN_VALUE, -1)} is
     * {@code Integer.MIN_VALUE}): restoring division by the subtractor.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public int floorDiv(int a, int b) {
        return (int) Divider.floorDiv(subtractor.get(), a, b);
    }

    /**
     * Like {@link Math#floorDiv(long, int)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public long floorDiv(long a, int b) {
        return floorDiv(a, (long) b);
    }

    /**
     * Like {@link Math#floorDiv(long, long)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public long floorDiv(long a, long b) {
        return Divider.floorDiv(subtractor.get(), a, b);
    }

    /**
     * {@code a} modulo {@code b} with the sign of {@code b}, like {@link Math#floorMod(int, int)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public int floorMod(int a, int b) {
        return (int) Divider.floorMod(subtractor.get(), a, b);
    }

    /**
     * Like {@link Math#floorMod(long, int)}: an int, as the modulus has the divisor's size.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public int floorMod(long a, int b) {
        return (int) floorMod(a, (long) b);
    }

    /**
     * Like {@link Math#floorMod(long, long)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public long floorMod(long a, long b) {
        return Divider.floorMod(subtractor.get(), a, b);
    }

    /**
     * {@code a} divided by {@code b}, rounded toward positive infinity, like {@code Math.ceilDiv(int, int)}
     * (JDK 18; {@code ceilDiv(Integer.MIN_VALUE, -1)} is {@code Integer.MIN_VALUE}).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public int ceilDiv(int a, int b) {
        return (int) Divider.ceilDiv(subtractor.get(), a, b);
    }

    /**
     * Like {@code Math.ceilDiv(long, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public long ceilDiv(long a, int b) {
        return ceilDiv(a, (long) b);
    }

    /**
     * Like {@code Math.ceilDiv(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public long ceilDiv(long a, long b) {
        return Divider.ceilDiv(subtractor.get(), a, b);
    }

    /**
     * {@code a} modulo {@code b} with the opposite sign of {@code b} (or 0), like
     * {@code Math.ceilMod(int, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public int ceilMod(int a, int b) {
        return (int) Divider.ceilMod(subtractor.get(), a, b);
    }

    /**
     * Like {@code Math.ceilMod(long, int)} (JDK 18): an int.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public int ceilMod(long a, int b) {
        return (int) ceilMod(a, (long) b);
    }

    /**
     * Like {@code Math.ceilMod(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public long ceilMod(long a, long b) {
        return Divider.ceilMod(subtractor.get(), a, b);
    }

    /**
     * {@code a / b} rounded toward zero, like {@code Math.divideExact(int, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0; {@code "integer overflow"}
     *     for {@code Integer.MIN_VALUE / -1}
     */
    public int divideExact(int a, int b) {
        return (int) Divider.divideExact(subtractor.get(), a, b, Integer.SIZE, Rounding.TRUNCATE);
    }

    /**
     * Like {@code Math.divideExact(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "long overflow"} for {@code Long.MIN_VALUE / -1}
     */
    public long divideExact(long a, long b) {
        return Divider.divideExact(subtractor.get(), a, b, Long.SIZE, Rounding.TRUNCATE);
    }

    /**
     * Like {@code Math.floorDivExact(int, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "integer overflow"} for {@code Integer.MIN_VALUE / -1}
     */
    public int floorDivExact(int a, int b) {
        return (int) Divider.divideExact(subtractor.get(), a, b, Integer.SIZE, Rounding.FLOOR);
    }

    /**
     * Like {@code Math.floorDivExact(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "long overflow"} for {@code Long.MIN_VALUE / -1}
     */
    public long floorDivExact(long a, long b) {
        return Divider.divideExact(subtractor.get(), a, b, Long.SIZE, Rounding.FLOOR);
    }

    /**
     * Like {@code Math.ceilDivExact(int, int)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "integer overflow"} for {@code Integer.MIN_VALUE / -1}
     */
    public int ceilDivExact(int a, int b) {
        return (int) Divider.divideExact(subtractor.get(), a, b, Integer.SIZE, Rounding.CEILING);
    }

    /**
     * Like {@code Math.ceilDivExact(long, long)} (JDK 18).
     *
     * @throws ArithmeticException {@code "/ by zero"}; {@code "long overflow"} for {@code Long.MIN_VALUE / -1}
     */
    public long ceilDivExact(long a, long b) {
        return Divider.divideExact(subtractor.get(), a, b, Long.SIZE, Rounding.CEILING);
    }

    /**
     * {@code Math.floorDiv(a[i], b[i])} for every index, every element one bit further per
     * subtractor call.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] floorDiv(int[] a, int[] b) {
        return ints(Divider.each(subtractor.get(), longs(a), longs(b), Rounding.FLOOR, false));
    }

    /**
     * {@code Math.floorDiv(a[i], b[i])} for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] floorDiv(long[] a, long[] b) {
        return Divider.each(subtractor.get(), a, b, Rounding.FLOOR, false);
    }

    /**
     * {@code Math.floorMod(a[i], b[i])} for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] floorMod(int[] a, int[] b) {
        return ints(Divider.each(subtractor.get(), longs(a), longs(b), Rounding.FLOOR, true));
    }

    /**
     * {@code Math.floorMod(a[i], b[i])} for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] floorMod(long[] a, long[] b) {
        return Divider.each(subtractor.get(), a, b, Rounding.FLOOR, true);
    }

    /**
     * {@code Math.ceilDiv(a[i], b[i])} (JDK 18) for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] ceilDiv(int[] a, int[] b) {
        return ints(Divider.each(subtractor.get(), longs(a), longs(b), Rounding.CEILING, false));
    }

    /**
     * {@code Math.ceilDiv(a[i], b[i])} (JDK 18) for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] ceilDiv(long[] a, long[] b) {
        return Divider.each(subtractor.get(), a, b, Rounding.CEILING, false);
    }

    /**
     * {@code Math.ceilMod(a[i], b[i])} (JDK 18) for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] ceilMod(int[] a, int[] b) {
        return ints(Divider.each(subtractor.get(), longs(a), longs(b), Rounding.CEILING, true));
    }

    /**
     * {@code Math.ceilMod(a[i], b[i])} (JDK 18) for every index.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] ceilMod(long[] a, long[] b) {
        return Divider.each(subtractor.get(), a, b, Rounding.CEILING, true);
    }

    /**
     * {@code a + 1} by the adder, like {@link Math#incrementExact(int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MAX_VALUE}
     */
    public int incrementExact(int a) {
        return adder.get().add(a, 1);
    }

    /**
     * {@code a + 1} by the adder, like {@link Math#incrementExact(long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MAX_VALUE}
     */
    public long incrementExact(long a) {
        return adder.get().add(a, 1L);
    }

    /**
     * {@code a - 1} by the subtractor, like {@link Math#decrementExact(int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MIN_VALUE}
     */
    public int decrementExact(int a) {
        return subtractor.get().subtractExact(a, 1);
    }

    /**
     * {@code a - 1} by the subtractor, like {@link Math#decrementExact(long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MIN_VALUE}
     */
    public long decrementExact(long a) {
        return subtractor.get().subtractExact(a, 1L);
    }

    /**
     * {@code a} as an int, like {@link Math#toIntExact(long)}: no arithmetic, a reading of its bits
     * (the value fits exactly when its high 33 bits are all equal).
     *
     * @throws ArithmeticException {@code "integer overflow"} if it does not fit
     */
    public int toIntExact(long a) {
        if ((int) a != a) {
            throw new ArithmeticException("integer overflow");
        }
        return (int) a;
    }

    /**
     * Like {@link Math#multiplyExact(long, int)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the product does not fit
     */
    public long multiplyExact(long a, int b) {
        return multiplyExact(a, (long) b);
    }

    /** The exact product of two ints as a long, like {@link Math#multiplyFull(int, int)}: Booth's terms summed by the adder. */
    public long multiplyFull(int a, int b) {
        return Multiplier.multiplyFull(adder.get(), a, b);
    }

    /** The high 64 bits of the 128-bit product, like {@link Math#multiplyHigh(long, long)}. */
    public long multiplyHigh(long a, long b) {
        return Multiplier.multiplyHigh(adder.get(), a, b);
    }

    /** The high 64 bits of the unsigned 128-bit product, like {@code Math.unsignedMultiplyHigh(long, long)} (JDK 18). */
    public long unsignedMultiplyHigh(long a, long b) {
        return Multiplier.unsignedMultiplyHigh(adder.get(), a, b);
    }

    /**
     * {@code |a|}, like {@link Math#abs(int)}: {@code a} where its sign bit is clear, else the
     * subtractor's {@code 0 - a}, wrapped, so {@code abs(Integer.MIN_VALUE)} is {@code Integer.MIN_VALUE}.
     */
    public int abs(int a) {
        return a >= 0 ? a : subtractor.get().subtractWrapping(0, a);
    }

    /** Like {@link Math#abs(long)}; {@code abs(Long.MIN_VALUE)} is {@code Long.MIN_VALUE}. */
    public long abs(long a) {
        return a >= 0 ? a : subtractor.get().subtractWrapping(0L, a);
    }

    /** The greater of two ints, like {@link Math#max(int, int)}: chosen by the learned difference {@code a - b}. */
    public int max(int a, int b) {
        return compare(a, b) >= 0 ? a : b;
    }

    /** Like {@link Math#max(long, long)}, chosen by the learned difference. */
    public long max(long a, long b) {
        return compare(a, b) >= 0 ? a : b;
    }

    /** The lesser of two ints, like {@link Math#min(int, int)}: chosen by the learned difference {@code a - b}. */
    public int min(int a, int b) {
        return compare(a, b) <= 0 ? a : b;
    }

    /** Like {@link Math#min(long, long)}, chosen by the learned difference. */
    public long min(long a, long b) {
        return compare(a, b) <= 0 ? a : b;
    }

    /**
     * {@code value} held within {@code [min, max]}, as an int, like {@code Math.clamp(long, int, int)}
     * (JDK 21); every comparison is a learned difference.
     *
     * @throws IllegalArgumentException {@code min + " > " + max}, as {@code Math} words it, if {@code min > max}
     */
    public int clamp(long value, int min, int max) {
        return (int) clamp(value, (long) min, (long) max);
    }

    /**
     * {@code value} held within {@code [min, max]}, like {@code Math.clamp(long, long, long)} (JDK 21).
     *
     * @throws IllegalArgumentException {@code min + " > " + max} if {@code min > max}
     */
    public long clamp(long value, long min, long max) {
        if (compare(min, max) > 0) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        return compare(value, min) < 0 ? min : compare(value, max) > 0 ? max : value;
    }

    private static long[] longs(int[] values) {
        long[] widened = new long[values.length];
        Arrays.setAll(widened, i -> values[i]);
        return widened;
    }

    private static int[] ints(long[] values) {
        int[] narrowed = new int[values.length];
        Arrays.setAll(narrowed, i -> (int) values[i]);
        return narrowed;
    }

    /** What the adder is: its source, metadata and certificate check. */
    public ModelInfo adderModel() {
        return adder.get().model();
    }

    /** What the subtractor is. */
    public ModelInfo subtractorModel() {
        return subtractor.get().model();
    }

    /** What the decimal subtractor is. */
    public ModelInfo decimalSubtractorModel() {
        return decimalSubtractor.get().model();
    }

    /**
     * Replaces the adder with the file {@code model}, checked as an adder. Calls in flight finish on
     * the old model.
     *
     * @throws ModelLoadException if the file is refused; the old adder keeps serving
     */
    public void reloadAdder(Path model) {
        adder.get().reload(model);
    }

    /**
     * Replaces the subtractor with the file {@code model}, checked as a subtractor. Calls in flight
     * finish on the old model.
     *
     * @throws ModelLoadException if the file is refused (an adder, say); the old subtractor keeps serving
     */
    public void reloadSubtractor(Path model) {
        subtractor.get().reload(model);
    }

    /**
     * Closes the networks once their calls in flight have finished; not allowed on the default
     * models behind {@link NeuralMath}'s static methods.
     *
     * @throws UnsupportedOperationException for the defaults
     */
    @Override
    public void close() {
        if (!owned) {
            throw new UnsupportedOperationException("the default models of NeuralMath's static methods stay open");
        }
        adder.get().close();
        subtractor.get().close();
        decimalSubtractor.get().close();
        decimalAdder.get().close();
    }
}
