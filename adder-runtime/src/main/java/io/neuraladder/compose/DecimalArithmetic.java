package io.neuraladder.compose;

import io.neuraladder.common.DigitOperands;
import io.neuraladder.common.Limits;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.engine.DigitEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Products and quotients of non-negative decimal strings, wired from the certified decimal adder
 * and subtractor: every digit of every result is one of theirs; the Java here appends zeros and
 * digits (multiplying by 10 and bringing a digit down, which in decimal is wiring), picks a
 * precomputed multiple by a digit, and reads final borrows.
 *
 * <p>A product is the sum of the multiplicand's multiples {@code d·a} shifted by the position of
 * each digit {@code d} of the multiplier; the ten multiples come from four batched additions
 * ({@code 2a = a + a}; {@code 3a, 4a}; {@code 5a, 6a, 8a}; {@code 7a, 9a}) and the shifted terms are
 * summed pairwise, level by level, each level one batched run. A quotient is long division: the
 * running remainder with the next dividend digit brought down, minus each of the divisor's nine
 * multiples in one batched run of the subtractor; the largest multiple whose difference has no
 * final borrow is the quotient digit, and its difference the next remainder.
 */
public final class DecimalArithmetic {

    /** Pairs per run: bounds one run's tensors however many terms a product has. */
    private static final int PAIRS_PER_RUN = 64;

    private DecimalArithmetic() {}

    /**
     * {@code a · b} for non-negative decimal strings, without leading zeros.
     *
     * @throws NumberFormatException naming the operand, character and index of a refused operand
     * @throws IllegalArgumentException if a factor has more than {@value Limits#MAX_DECIMAL_FACTOR_DIGITS} digits
     */
    public static String multiply(DigitSerialAdder adder, String a, String b) {
        checked("a", a, Limits.MAX_DECIMAL_FACTOR_DIGITS, "multiplied");
        checked("b", b, Limits.MAX_DECIMAL_FACTOR_DIGITS, "multiplied");
        String[] multiples = multiples(adder.engine(), a);
        List<String> terms = new ArrayList<>();
        for (int position = 0; position < b.length(); position++) {
            String multiple = multiples[b.charAt(b.length() - 1 - position) - '0'];
            if (!multiple.equals("0")) {
                terms.add(multiple + "0".repeat(position));
            }
        }
        while (terms.size() > 1) {
            int pairs = terms.size() / 2;
            String[] x = new String[pairs];
            String[] y = new String[pairs];
            for (int k = 0; k < pairs; k++) {
                x[k] = terms.get(2 * k);
                y[k] = terms.get(2 * k + 1);
            }
            List<String> next = new ArrayList<>(Arrays.asList(run(adder.engine(), x, y)));
            if (terms.size() % 2 == 1) {
                next.add(terms.get(terms.size() - 1));
            }
            terms = next;
        }
        return terms.isEmpty() ? "0" : terms.get(0);
    }

    /**
     * {@code {a / b, a % b}} for non-negative decimal strings, both without leading zeros.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is zero
     * @throws NumberFormatException naming the operand, character and index of a refused operand
     * @throws IllegalArgumentException if the dividend has more than
     *     {@value Limits#MAX_DECIMAL_DIVIDEND_DIGITS} digits or the divisor more than
     *     {@value Limits#MAX_DECIMAL_FACTOR_DIGITS}
     */
    public static String[] divide(DigitSerialAdder adder, DigitSerialSubtractor subtractor, String a, String b) {
        checked("a", a, Limits.MAX_DECIMAL_DIVIDEND_DIGITS, "divided");
        checked("b", b, Limits.MAX_DECIMAL_FACTOR_DIGITS, "divided by");
        String divisor = DigitCodec.withoutLeadingZeros(b);
        if (divisor.equals("0")) {
            throw new ArithmeticException("/ by zero");
        }
        String[] multiples = multiples(adder.engine(), divisor);
        String[] nine = Arrays.copyOfRange(multiples, 1, 10);
        StringBuilder quotient = new StringBuilder();
        String remainder = "0";
        for (int i = 0; i < a.length(); i++) {
            String brought = DigitCodec.withoutLeadingZeros(remainder + a.charAt(i));
            String[] running = new String[nine.length];
            Arrays.fill(running, brought);
            String[] differences = subtractor.engine().digits(running, nine);
            int digit = 0;
            for (int k = nine.length; k >= 1 && digit == 0; k--) {
                if (differences[k - 1].charAt(0) == '0') {
                    digit = k;
                }
            }
            quotient.append((char) ('0' + digit));
            remainder = digit == 0 ? brought : DigitCodec.withoutLeadingZeros(differences[digit - 1]);
        }
        return new String[] {DigitCodec.withoutLeadingZeros(quotient.toString()), remainder};
    }

    /** Refuses what {@code addDecimal} refuses, and operands longer than {@code limit} digits. */
    private static void checked(String name, String operand, int limit, String what) {
        new DigitOperands(DigitSerialContract.DECIMAL).require(name, operand);
        if (operand.length() > limit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "operand %s has %,d digits; at most %,d are "
                    + "%s, so that one call stays within bounded time", name, operand.length(), limit, what));
        }
    }

    /** {@code 0·x, 1·x, …, 9·x}, without leading zeros, from four batched runs of the adder. */
    private static String[] multiples(DigitEngine adder, String x) {
        String[] m = new String[10];
        m[0] = "0";
        m[1] = DigitCodec.withoutLeadingZeros(x);
        m[2] = run(adder, new String[] {m[1]}, new String[] {m[1]})[0];
        String[] level = run(adder, new String[] {m[2], m[2]}, new String[] {m[1], m[2]});
        m[3] = level[0];
        m[4] = level[1];
        level = run(adder, new String[] {m[4], m[4], m[4]}, new String[] {m[1], m[2], m[4]});
        m[5] = level[0];
        m[6] = level[1];
        m[8] = level[2];
        level = run(adder, new String[] {m[6], m[8]}, new String[] {m[1], m[1]});
        m[7] = level[0];
        m[9] = level[1];
        return m;
    }

    /** The network's results for every pair, without leading zeros, {@value #PAIRS_PER_RUN} pairs per run at most. */
    private static String[] run(DigitEngine engine, String[] a, String[] b) {
        String[] results = new String[a.length];
        for (int from = 0; from < a.length; from += PAIRS_PER_RUN) {
            int to = Math.min(a.length, from + PAIRS_PER_RUN);
            String[] digits = engine.digits(Arrays.copyOfRange(a, from, to), Arrays.copyOfRange(b, from, to));
            for (int k = from; k < to; k++) {
                results[k] = DigitCodec.withoutLeadingZeros(digits[k - from]);
            }
        }
        return results;
    }
}
