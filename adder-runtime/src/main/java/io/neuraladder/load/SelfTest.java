package io.neuraladder.load;

import io.neuraladder.api.ModelSelfTestException;
import io.neuraladder.common.DigitOperands;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.Operator;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * The load-time self-test, the one every front end runs: carry and borrow chains, computed in one
 * run, must all be exact for the operator the model was loaded as, and every output finite. Ints
 * ({@link #CASES}: long chains, sign and overflow boundaries, alternating patterns) for the engines
 * of the int API; digit strings ({@link #digitCases}: every digit pair with and without an incoming
 * carry or borrow, chains up to 40 digits) for digit-string front ends. It catches models that
 * load but compute wrongly (an under-trained model, flipped or NaN weights, another operator's
 * model) before they serve a single result.
 */
public final class SelfTest {

    /** The int cases, fixed. */
    public static final IntPairs CASES = cases();

    private SelfTest() {}

    /** Returns normally if the probabilities spell {@code operator}'s result for every case; throws {@link ModelSelfTestException} otherwise. */
    public static void verify(String source, Operator operator, FloatBuffer probabilities) {
        requireFinite(source, operator, probabilities, "output-bit probability");
        int n = CASES.size();
        int[] results = new int[n];
        BitCodec.decode(probabilities, n, results, 0);
        verifyResults(source, operator, results);
    }

    /**
     * Like {@link #verify}, for logits of the cases whose layout only the graph that computed them
     * knows: {@code decode} reads case {@code i}'s 32-bit result from them.
     */
    public static void verifyLogits(String source, Operator operator, FloatBuffer logits, IntUnaryOperator decode) {
        requireFinite(source, operator, logits, "output-bit logit");
        int[] results = new int[CASES.size()];
        Arrays.setAll(results, decode);
        verifyResults(source, operator, results);
    }

    /** Throws {@link ModelSelfTestException} unless {@code results} are the 32-bit results of {@link #CASES}. */
    public static void verifyResults(String source, Operator operator, int[] results) {
        int n = CASES.size();
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (results[i] != operator.wrapped(CASES.a()[i], CASES.b()[i])) {
                wrong++;
                first = first < 0 ? i : first;
            }
        }
        if (wrong > 0) {
            int a = CASES.a()[first];
            int b = CASES.b()[first];
            throw new ModelSelfTestException("model " + source + " failed the load-time self-test as a model of "
                    + operator.metadataName() + ": " + wrong + " of " + n + " chain cases are wrong, the first " + a
                    + " " + operator.symbol() + " " + b + " = " + results[first] + " where the 32-bit result is "
                    + operator.wrapped(a, b) + ". Such a model is under-trained or corrupted (flipped bits, NaN or "
                    + "Inf weights: ONNX Runtime's activations clamp NaN, so they show as wrong results). Refusing "
                    + "it; retrain it, or load it anyway with skipSelfTest()");
        }
    }

    /**
     * Returns normally if {@code model} (raw output digits of the digit-string cases, {@code steps}
     * digits each with leading zeros kept) computes every case of {@code radix} exactly; throws
     * {@link ModelSelfTestException} otherwise.
     */
    public static void verifyDigits(String source, Operator operator, int radix, BinaryOperator<String[]> model) {
        String[][] cases = digitCases(radix);
        String[] a = new String[cases.length];
        String[] b = new String[cases.length];
        for (int n = 0; n < cases.length; n++) {
            a[n] = cases[n][0];
            b[n] = cases[n][1];
        }
        String[] results = model.apply(a, b);
        int wrong = 0;
        int first = -1;
        for (int n = 0; n < cases.length; n++) {
            if (!results[n].equals(expectedDigits(operator, radix, a[n], b[n], results[n].length()))) {
                wrong++;
                first = first < 0 ? n : first;
            }
        }
        if (wrong > 0) {
            throw new ModelSelfTestException("model " + source + " failed the load-time self-test as a model of "
                    + operator.metadataName() + ": " + wrong + " of " + cases.length + " " + DigitOperands.kind(radix)
                    + " cases are wrong, the first " + a[first] + " " + operator.symbol() + " " + b[first] + " gives "
                    + results[first] + " where the digits are "
                    + expectedDigits(operator, radix, a[first], b[first], results[first].length())
                    + ". Refusing it; retrain it, or load it anyway with skipSelfTest()");
        }
    }

    /** Throws if the model produced a non-finite probability: its weights hold NaN or Inf. */
    public static void requireFiniteDigits(String source, FloatBuffer probabilities) {
        for (int i = 0; i < probabilities.limit(); i++) {
            if (!Float.isFinite(probabilities.get(i))) {
                throw new IllegalStateException("model " + source + " computed a non-finite digit probability ("
                        + probabilities.get(i) + "); its weights are probably corrupted");
            }
        }
    }

    /** The {@code steps} digits of {@code (a op b) mod r^steps}, most significant first. */
    private static String expectedDigits(Operator operator, int radix, String a, String b, int steps) {
        BigInteger x = new BigInteger(a, radix);
        BigInteger y = new BigInteger(b, radix);
        BigInteger result = operator.exact(x, y).mod(BigInteger.valueOf(radix).pow(steps));
        String digits = result.toString(radix);
        return "0".repeat(Math.max(0, steps - digits.length())) + digits;
    }

    private static void requireFinite(String source, Operator operator, FloatBuffer outputs, String what) {
        int n = CASES.size();
        for (int i = 0; i < outputs.limit(); i++) {
            float value = outputs.get(i);
            if (!Float.isFinite(value)) {
                int pair = i % n;
                throw new ModelSelfTestException("model " + source + " computes a non-finite " + what + " ("
                        + value + ") for " + CASES.a()[pair] + " " + operator.symbol() + " " + CASES.b()[pair]
                        + ": its weights probably contain NaN or Inf. Refusing it");
            }
        }
    }

    private static IntPairs cases() {
        int[] a = new int[384];
        int[] b = new int[384];
        int n = 0;
        for (int k = 0; k < Integer.SIZE; k++) {
            int ones = k == 0 ? 0 : -1 >>> (Integer.SIZE - k);
            a[n] = ones; b[n++] = 1;                          // 0..011..1 + 1: a chain of k carries
            a[n] = -1 << k; b[n++] = 1 << k;                  // a carry from bit k out of the word
            a[n] = Integer.MAX_VALUE >>> k; b[n++] = Integer.MAX_VALUE >>> k;
            a[n] = ~ones; b[n++] = -1;                        // borrows through the high bits
            a[n] = 1 << k; b[n++] = 1;                        // 10..0 - 1: a chain of k borrows
            a[n] = 0; b[n++] = 1 << k;                        // 0 - 2^k: a borrow out of the word
        }
        int[][] fixed = {{0, 0}, {-1, 1}, {Integer.MAX_VALUE, 1}, {Integer.MIN_VALUE, -1},
                {Integer.MIN_VALUE, Integer.MIN_VALUE}, {Integer.MAX_VALUE, Integer.MAX_VALUE},
                {Integer.MAX_VALUE, Integer.MIN_VALUE}, {0x5555_5555, 0xAAAA_AAAA}, {0x5555_5555, 0x5555_5555},
                {0xAAAA_AAAA, 0xAAAA_AAAA}, {0x5555_5556, 0xAAAA_AAAA}, {535, 61}, {-7, 3}, {0, 1}, {1, 0},
                {Integer.MIN_VALUE, 1}, {0, Integer.MIN_VALUE}};
        for (int[] pair : fixed) {
            a[n] = pair[0];
            b[n++] = pair[1];
        }
        IntPairs random = OperandSamples.chainHeavy(new SplittableRandom(0x5E1F_7E57L), a.length - n);
        System.arraycopy(random.a(), 0, a, n, random.size());
        System.arraycopy(random.b(), 0, b, n, random.size());
        return new IntPairs(a, b);
    }

    /** Every digit pair with and without an incoming carry or borrow, and chains up to 40 digits, in {@code radix}. */
    public static String[][] digitCases(int radix) {
        String top = digit(radix - 1, radix);
        String half = digit(radix / 2, radix);
        String rest = digit(radix - 1 - radix / 2, radix);
        List<String[]> cases = new ArrayList<>();
        for (int x = 0; x < radix; x++) {
            for (int y = 0; y < radix; y++) {
                cases.add(new String[] {digit(x, radix), digit(y, radix)});
                cases.add(new String[] {digit(x, radix) + top, digit(y, radix) + "1"});
                cases.add(new String[] {digit(x, radix) + "0", digit(y, radix) + "1"});
            }
        }
        for (int length = 1; length <= 40; length++) {
            cases.add(new String[] {top.repeat(length), "1"});
            cases.add(new String[] {half.repeat(length), rest.repeat(length - 1) + half});
            cases.add(new String[] {"1" + "0".repeat(length), "1"});
            cases.add(new String[] {"0", top.repeat(length)});
        }
        cases.add(new String[] {BigInteger.valueOf(535).toString(radix), BigInteger.valueOf(61).toString(radix)});
        return cases.toArray(String[][]::new);
    }

    private static String digit(int value, int radix) {
        return String.valueOf(Character.forDigit(value, radix));
    }
}
