package io.neuraladder.api;

import java.math.BigInteger;

/**
 * Adds non-negative integers of any length with a learned digit-serial adder in its radix: one
 * digit pair per step, least significant first. With the decimal model {@code add("535", "61")}
 * is {@code "596"}; with a radix-16 model {@code add("ff", "1")} is {@code "100"}. Operands are
 * strings of the radix's digits ({@code 0-9}, then {@code a-z} in either case; leading zeros
 * allowed; no sign, spaces or separators); anything else is refused naming the operand, the
 * character and its index. Thread-safe; close it when done.
 */
public interface DigitAdder extends AutoCloseable {

    /** The number base the model adds in. */
    int radix();

    /**
     * The sum of two non-negative integers written in {@link #radix()}, in lower case without
     * leading zeros.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the radix's digits
     * @throws IllegalArgumentException if an operand has more digits than the runtime accepts (100,000)
     * @throws NullPointerException if an operand is null
     * @throws IllegalStateException if this adder is closed
     */
    String add(String a, String b);

    /**
     * The sum of two non-negative integers, computed digit by digit in {@link #radix()}.
     *
     * @throws IllegalArgumentException if an operand is negative or too long
     */
    BigInteger add(BigInteger a, BigInteger b);

    /** Where the model came from and what its file says about itself. */
    ModelInfo model();

    /** Closes the model once every call in flight has finished. Idempotent. */
    @Override
    void close();
}
