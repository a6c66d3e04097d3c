package io.neuraladder;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Checks the operands of a decimal add: one or more ASCII digits {@code 0}–{@code 9}, leading
 * zeros allowed, no sign, no spaces or separators, at most {@value DecimalAdder#MAX_DIGITS} digits.
 * Each refusal says which operand, what is wrong where, and what is accepted.
 */
final class DecimalOperands {

    private static final int SHOWN = 24;

    private DecimalOperands() {}

    /** Returns {@code operand} if it is accepted; throws otherwise. */
    static String require(String name, String operand) {
        if (operand == null) {
            throw new NullPointerException("operand " + name + " is null; expected decimal digits such as \"535\"");
        }
        if (operand.isEmpty()) {
            throw new NumberFormatException("operand " + name + " is empty; expected one or more decimal digits 0-9, "
                    + "such as \"535\"");
        }
        if (operand.length() > DecimalAdder.MAX_DIGITS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "operand %s has %,d digits; at most %,d are "
                    + "added per call", name, operand.length(), DecimalAdder.MAX_DIGITS));
        }
        for (int i = 0; i < operand.length(); i++) {
            char c = operand.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("operand " + name + " = " + shown(operand) + " " + problem(c, i)
                        + "; only non-negative decimal integers written with the digits 0-9 are accepted (leading "
                        + "zeros allowed; no sign, spaces, separators or decimal point)");
            }
        }
        return operand;
    }

    /** The decimal digits of a non-negative {@code operand}; throws for a negative one. */
    static String require(String name, BigInteger operand) {
        if (operand == null) {
            throw new NullPointerException("operand " + name + " is null");
        }
        if (operand.signum() < 0) {
            throw new IllegalArgumentException("operand " + name + " is negative (" + shown(operand.toString())
                    + "); the decimal adder adds non-negative integers");
        }
        return require(name, operand.toString());
    }

    private static String problem(char c, int index) {
        if (index == 0 && c == '-') {
            return "is negative";
        }
        if (index == 0 && c == '+') {
            return "starts with '+'; write the digits only";
        }
        if (Character.isWhitespace(c)) {
            return "has whitespace at index " + index;
        }
        return String.format(Locale.ROOT, "has '%s' (U+%04X) at index %d, which is not a digit", c, (int) c, index);
    }

    private static String shown(String operand) {
        return "\"" + (operand.length() <= SHOWN ? operand : operand.substring(0, SHOWN) + "…") + "\"";
    }
}
