package io.neuraladder.compose;

import io.neuraladder.api.DigitAdder;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.common.DigitOperands;
import io.neuraladder.common.Limits;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.engine.DigitEngine;
import io.neuraladder.load.ModelLoad;
import java.math.BigInteger;

/**
 * Adds non-negative integers of any length with a learned digit-serial adder in radix {@code r}
 * ({@link DigitSerialContract}): one digit pair per step, least significant first, one more step
 * for the final carry. With the decimal model {@code add("535", "61")} returns {@code "596"}; with
 * a radix-16 model {@code add("ff", "1")} returns {@code "100"}.
 *
 * <p>Operands are strings of the radix's digits ({@code 0-9}, then {@code a-z} in either case;
 * leading zeros allowed; no sign, spaces or separators), at most {@value Limits#MAX_DIGITS} digits each;
 * anything else is refused with an exception naming the operand, the offending character and its
 * index. Sums are written in lower case without leading zeros. The model file is checked like a
 * binary adder's ({@link ModelLoad}: structure, optional SHA-256 pin, certificate as an adder's),
 * then self-tested on every digit pair and long carry chains. Thread-safe; {@link #close()} waits
 * for calls in flight.
 */
public final class DigitSerialAdder implements DigitAdder {

    private final DigitEngine engine;
    private final DigitOperands operands;

    /** Adds with {@code engine}, a loaded digit-serial adder. */
    public DigitSerialAdder(DigitEngine engine) {
        this.engine = engine;
        this.operands = new DigitOperands(engine.radix());
    }

    /** The number base the model adds in. */
    public int radix() {
        return engine.radix();
    }

    /**
     * The sum of two non-negative integers written in {@link #radix()}, without leading zeros.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the radix's digits
     * @throws IllegalArgumentException if an operand has more than {@value Limits#MAX_DIGITS} digits
     * @throws NullPointerException if an operand is null
     * @throws IllegalStateException if this adder is closed
     */
    public String add(String a, String b) {
        return sum(operands.require("a", a), operands.require("b", b));
    }

    /**
     * The sum of two non-negative integers, computed digit by digit in {@link #radix()}.
     *
     * @throws IllegalArgumentException if an operand is negative or has more than {@value Limits#MAX_DIGITS} digits
     */
    public BigInteger add(BigInteger a, BigInteger b) {
        return new BigInteger(sum(operands.require("a", a), operands.require("b", b)), engine.radix());
    }

    /** Where the model came from and what its file says about itself. */
    public ModelInfo model() {
        return engine.model();
    }

    private String sum(String a, String b) {
        return DigitCodec.withoutLeadingZeros(engine.digits(new String[] {a}, new String[] {b})[0]);
    }

    /** Closes the session once every call in flight has finished. Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "DigitSerialAdder[" + engine.model().source() + "]";
    }

    /** The engine, for the operations composed from this network ({@link DecimalArithmetic}). */
    DigitEngine engine() {
        return engine;
    }
}
