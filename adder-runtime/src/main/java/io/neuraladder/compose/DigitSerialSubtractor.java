package io.neuraladder.compose;

import io.neuraladder.api.DigitSubtractor;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.common.DigitOperands;
import io.neuraladder.common.Limits;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.engine.DigitEngine;

/**
 * Subtracts non-negative integers of any length written in a radix's digits with a learned
 * digit-serial subtractor: one digit pair per step, least significant first, one more step whose
 * output digit is the final borrow. {@code subtract("61", "535")} is {@code "-474"} in decimal.
 * Operands are accepted and refused as {@link DigitSerialAdder} accepts and refuses them; the
 * difference is written without leading zeros, with a leading {@code -} when it is negative. The
 * network computes {@code a - b}; when its final borrow says {@code a < b} it computes
 * {@code b - a} instead, so every digit is the network's. Obtain one from
 * {@code NeuralMath.openDecimalSubtractor}; close it when done. Thread-safe.
 */
public final class DigitSerialSubtractor implements DigitSubtractor {

    private final DigitEngine engine;
    private final DigitOperands operands;

    /** Subtracts with {@code engine}, a loaded digit-serial subtractor. */
    public DigitSerialSubtractor(DigitEngine engine) {
        this.engine = engine;
        this.operands = new DigitOperands(engine.radix());
    }

    /** The number base the model subtracts in. */
    public int radix() {
        return engine.radix();
    }

    /**
     * {@code a - b} for non-negative integers written in {@link #radix()}.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the radix's digits,
     *     naming the operand, the character and its index
     * @throws IllegalArgumentException if an operand has more than {@value Limits#MAX_DIGITS} digits
     * @throws NullPointerException if an operand is null
     * @throws IllegalStateException if this subtractor is closed
     */
    public String subtract(String a, String b) {
        String x = operands.require("a", a);
        String y = operands.require("b", b);
        String digits = digits(x, y);
        if (digits.charAt(0) == '0') {
            return DigitCodec.withoutLeadingZeros(digits);
        }
        return "-" + DigitCodec.withoutLeadingZeros(digits(y, x));
    }

    /**
     * The network's raw output digits of {@code a - b} for operands already checked: one more than
     * the longer operand has, most significant first (the final borrow's digit), leading zeros kept.
     */
    String digits(String a, String b) {
        return engine.digits(new String[] {a}, new String[] {b})[0];
    }

    /** Where the model came from and what its file says about itself. */
    public ModelInfo model() {
        return engine.model();
    }

    /** Closes the session once every call in flight has finished. Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "DigitSerialSubtractor[" + engine.model().source() + "]";
    }

    /** The engine, for the operations composed from this network ({@link DecimalArithmetic}). */
    DigitEngine engine() {
        return engine;
    }
}
