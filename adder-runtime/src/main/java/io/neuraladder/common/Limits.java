package io.neuraladder.common;

/** The sizes the runtime accepts, each chosen so that one call stays within bounded memory and time. */
public final class Limits {

    /**
     * Default limit on a model file's size: the binary models are a few KB with their certificates,
     * the decimal one a few MB (its certificate has 20,100 boxes).
     */
    public static final long DEFAULT_MAX_MODEL_BYTES = 16L << 20;

    /** The longest digit-string operand, in digits. */
    public static final int MAX_DIGITS = 100_000;

    /** The longest {@code BigInteger} factor of a product, in bits. */
    public static final int MAX_FACTOR_BITS = 1 << 18;

    /** The longest factor of a decimal product, and the longest decimal divisor, in digits. */
    public static final int MAX_DECIMAL_FACTOR_DIGITS = 1_000;

    /** The longest decimal dividend, in digits: one subtractor run per digit. */
    public static final int MAX_DECIMAL_DIVIDEND_DIGITS = 2_000;

    private Limits() {}
}
