package io.neuraladder.train.explore;

import io.neuraladder.ModelBuilder;
import io.neuraladder.api.Adder;
import io.neuraladder.api.DigitAdder;
import io.neuraladder.api.DigitSubtractor;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.Subtractor;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.util.function.BinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * A model as the runtime serves it to the explorer, whatever it computes: the runtime's answers
 * for two operands, as an application gets them. Binary models answer ints and longs (wrapped, and
 * exact or {@code Math}'s overflow message) and BigIntegers; digit-serial ones answer digit strings
 * (signed for a subtraction). A null function is a kind of operand the model does not take.
 *
 * @param model what the runtime says the model is
 * @param intWrapped the wrapped int result
 * @param intExact the exact int result, throwing as {@code Math} throws
 * @param longWrapped the wrapped long result
 * @param longExact the exact long result
 * @param bigs the BigInteger result
 * @param digits the result for digit strings
 * @param served what to close
 */
record Served(ModelInfo model, IntBinaryOperator intWrapped, IntBinaryOperator intExact, LongBinaryOperator longWrapped,
        LongBinaryOperator longExact, BinaryOperator<BigInteger> bigs, BinaryOperator<String> digits,
        AutoCloseable served) implements AutoCloseable {

    /** Opens the model {@code builder} names as the runtime serves a model of {@code operator} in {@code radix}. */
    static Served open(ModelBuilder builder, Operator operator, int radix) {
        if (radix != 2 && operator == Operator.ADD) {
            DigitAdder adder = builder.buildDigitSerial();
            return new Served(adder.model(), null, null, null, null, null, adder::add, adder);
        }
        if (radix != 2) {
            DigitSubtractor subtractor = builder.buildDecimalSubtractor();
            return new Served(subtractor.model(), null, null, null, null, null, subtractor::subtract, subtractor);
        }
        if (operator == Operator.ADD) {
            Adder adder = builder.build();
            return new Served(adder.model(), adder::addWrapping, adder::add, adder::addWrapping, adder::add, adder::add,
                    null, adder);
        }
        Subtractor subtractor = builder.buildSubtractor();
        return new Served(subtractor.model(), subtractor::subtractWrapping, subtractor::subtractExact,
                subtractor::subtractWrapping, subtractor::subtractExact, subtractor::subtract, null, subtractor);
    }

    /** The runtime's answer for ints: the wrapped result, and {@code Math}'s overflow message or null. */
    String[] ints(int a, int b) {
        String wrapped = Integer.toString(intWrapped.applyAsInt(a, b));
        try {
            intExact.applyAsInt(a, b);
            return new String[] {wrapped, null};
        } catch (ArithmeticException e) {
            return new String[] {wrapped, e.getMessage()};
        }
    }

    /** The runtime's answer for longs, as for {@link #ints}. */
    String[] longs(long a, long b) {
        String wrapped = Long.toString(longWrapped.applyAsLong(a, b));
        try {
            longExact.applyAsLong(a, b);
            return new String[] {wrapped, null};
        } catch (ArithmeticException e) {
            return new String[] {wrapped, e.getMessage()};
        }
    }

    /** The runtime's answer for BigIntegers, which is exact (no overflow message, null). */
    String[] bigs(BigInteger a, BigInteger b) {
        return new String[] {bigs.apply(a, b).toString(), null};
    }

    /** The runtime's answer for digit strings in the model's radix. */
    String digits(String a, String b) {
        return digits.apply(a, b);
    }

    @Override
    public void close() {
        try {
            served.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + model.source() + " failed", e);
        }
    }
}
