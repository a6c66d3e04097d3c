package io.neuraladder.common;

import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Checks the operands of a digit-serial add in one radix: one or more ASCII digits of that radix
 * ({@code 0}–{@code 9}, then {@code a}–{@code z} in either case), leading zeros allowed, no sign,
 * no spaces or separators, at most {@value Limits#MAX_DIGITS} digits. Each refusal says
 * which operand, what is wrong where, and what is accepted.
 */
public final class DigitOperands {

    private static final int SHOWN = 24;

    private final int radix;
    private final String digits;
    private final String example;

    public DigitOperands(int radix) {
        this.radix = radix;
        this.digits = radix <= 10 ? "0-" + (radix - 1)
                : "0-9 and " + (radix == 11 ? "a" : "a-" + Character.forDigit(radix - 1, radix)) + " (either case)";
        this.example = BigInteger.valueOf(535).toString(radix);
    }

    /** Returns {@code operand} if it is accepted; throws otherwise. */
    public String require(String name, String operand) {
        if (operand == null) {
            throw new NullPointerException("operand " + name + " is null; expected " + kind(radix) + " digits such as \""
                    + example + "\"");
        }
        if (operand.isEmpty()) {
            throw new NumberFormatException("operand " + name + " is empty; expected one or more " + kind(radix)
                    + " digits " + digits + ", such as \"" + example + "\"");
        }
        if (operand.length() > Limits.MAX_DIGITS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "operand %s has %,d digits; at most %,d are "
                    + "added per call", name, operand.length(), Limits.MAX_DIGITS));
        }
        for (int i = 0; i < operand.length(); i++) {
            char c = operand.charAt(i);
            if (c >= 128 || Character.digit(c, radix) < 0) {
                throw new NumberFormatException("operand " + name + " = " + shown(operand) + " " + problem(c, i)
                        + "; only non-negative " + kind(radix)
                        + " integers written with the digits " + digits + " are accepted (leading zeros allowed; no "
                        + "sign, spaces, separators" + (radix == 10 ? " or decimal point)" : " or prefix such as 0x)"));
            }
        }
        return operand;
    }

    /** The digits of a non-negative {@code operand} in this radix; throws for a negative one. */
    public String require(String name, BigInteger operand) {
        if (operand == null) {
            throw new NullPointerException("operand " + name + " is null");
        }
        if (operand.signum() < 0) {
            throw new IllegalArgumentException("operand " + name + " is negative (" + shown(operand.toString())
                    + "); digit-serial models take non-negative " + kind(radix) + " integers");
        }
        return require(name, operand.toString(radix));
    }

    /** How messages name a digit-serial model of {@code operator} in {@code radix}: "decimal adder", "radix-16 subtractor". */
    public static String describe(Operator operator, int radix) {
        return (radix == DigitSerialContract.DECIMAL ? "decimal " : "radix-" + radix + " ") + operator.noun();
    }

    /** How messages name numbers in {@code radix}: "decimal", "base-16". */
    public static String kind(int radix) {
        return radix == 10 ? "decimal" : "base-" + radix;
    }

    private String problem(char c, int index) {
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
