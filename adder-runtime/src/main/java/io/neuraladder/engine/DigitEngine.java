package io.neuraladder.engine;

import io.neuraladder.api.ModelInfo;

/**
 * One loaded digit-serial model of an operator on non-negative digit strings in its radix, as the
 * digit-string front ends use it ({@link DigitStringEngine} is the one implementation). Thread-safe.
 */
public interface DigitEngine extends AutoCloseable {

    /** The number base the model computes in. */
    int radix();

    /** Where the model came from and what its file says about itself. */
    ModelInfo model();

    /**
     * The raw output digits of {@code a[i] op b[i]} for every index, one more than the longer
     * operand of each pair has (the last is the final carry or borrow), leading zeros kept; the
     * operands checked by the caller.
     */
    String[] digits(String[] a, String[] b);

    /** Closes the session once every call in flight has finished. Idempotent. */
    @Override
    void close();
}
