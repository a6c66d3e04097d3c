package io.neuraladder.api;

/**
 * Subtracts non-negative integers of any length with a learned digit-serial subtractor in its
 * radix, one digit pair per step: {@code subtract("61", "535")} is {@code "-474"} with the decimal
 * model. Operands are refused as {@link DigitAdder}'s are. Thread-safe; close it when done.
 */
public interface DigitSubtractor extends AutoCloseable {

    /** The number base the model subtracts in. */
    int radix();

    /**
     * {@code a - b} written in {@link #radix()}, with a leading {@code -} when it is negative and no
     * leading zeros.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the radix's digits
     * @throws IllegalArgumentException if an operand has more digits than the runtime accepts (100,000)
     * @throws NullPointerException if an operand is null
     * @throws IllegalStateException if this subtractor is closed
     */
    String subtract(String a, String b);

    /** Where the model came from and what its file says about itself. */
    ModelInfo model();

    /** Closes the model once every call in flight has finished. Idempotent. */
    @Override
    void close();
}
