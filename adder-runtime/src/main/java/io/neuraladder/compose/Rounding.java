package io.neuraladder.compose;

/** How a quotient is rounded, and so which sign its remainder takes. */
public enum Rounding {
    /** Toward negative infinity ({@link Math#floorDiv}, {@link Math#floorMod}): the remainder takes the divisor's sign. */
    FLOOR,
    /** Toward positive infinity ({@code Math.ceilDiv}, {@code Math.ceilMod}): the remainder has the opposite sign. */
    CEILING,
    /** Toward zero ({@code /} and {@code %}): the remainder has the dividend's sign. */
    TRUNCATE
}
