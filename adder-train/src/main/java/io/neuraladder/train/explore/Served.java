package io.neuraladder.train.explore;

import io.neuraladder.DigitSerialAdder;
import io.neuraladder.DigitSerialSubtractor;
import io.neuraladder.ModelBuilder;
import io.neuraladder.ReloadableAdder;
import io.neuraladder.ReloadableSubtractor;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.contract.Operator;

/**
 * A model as the runtime serves it to the explorer, whatever it computes: the runtime's answer
 * for two operands, as an application gets it. Binary models answer ints and longs (wrapped, and
 * whether {@code Math}'s exact method overflows); digit-serial ones answer digit strings.
 */
interface Served extends AutoCloseable {

    /** Opens the model {@code builder} names as the runtime would serve a model of {@code operator} in {@code radix}. */
    static Served open(ModelBuilder builder, Operator operator, int radix) {
        if (radix != 2) {
            return operator == Operator.ADD ? new Digits(builder.buildDigitSerial(), null)
                    : new Digits(null, builder.buildDecimalSubtractor());
        }
        return operator == Operator.ADD ? new Bits(builder.build(), null) : new Bits(null, builder.buildSubtractor());
    }

    /** What the runtime says the model is. */
    ModelInfo model();

    /** The runtime's answer for ints: the wrapped result, and {@code Math}'s overflow message or null. */
    default String[] ints(int a, int b) {
        throw new BadRequest("this model computes digit strings, not ints");
    }

    /** The runtime's answer for longs, as for {@link #ints}. */
    default String[] longs(long a, long b) {
        throw new BadRequest("this model computes digit strings, not longs");
    }

    /** The runtime's answer for digit strings in the model's radix, signed for a subtraction. */
    default String digits(String a, String b) {
        throw new BadRequest("this model computes ints and longs, not digit strings");
    }

    @Override
    void close();

    /** A binary adder or subtractor. */
    record Bits(ReloadableAdder adder, ReloadableSubtractor subtractor) implements Served {

        @Override
        public ModelInfo model() {
            return adder != null ? adder.model() : subtractor.model();
        }

        @Override
        public String[] ints(int a, int b) {
            String wrapped = Integer.toString(adder != null ? adder.addWrapping(a, b) : subtractor.subtractWrapping(a, b));
            try {
                int exact = adder != null ? adder.add(a, b) : subtractor.subtractExact(a, b);
                return new String[] {wrapped, null, Integer.toString(exact)};
            } catch (ArithmeticException e) {
                return new String[] {wrapped, e.getMessage()};
            }
        }

        @Override
        public String[] longs(long a, long b) {
            String wrapped = Long.toString(adder != null ? adder.addWrapping(a, b) : subtractor.subtractWrapping(a, b));
            try {
                long exact = adder != null ? adder.add(a, b) : subtractor.subtractExact(a, b);
                return new String[] {wrapped, null, Long.toString(exact)};
            } catch (ArithmeticException e) {
                return new String[] {wrapped, e.getMessage()};
            }
        }

        @Override
        public void close() {
            if (adder != null) {
                adder.close();
            } else {
                subtractor.close();
            }
        }
    }

    /** A digit-serial adder or subtractor. */
    record Digits(DigitSerialAdder adder, DigitSerialSubtractor subtractor) implements Served {

        @Override
        public ModelInfo model() {
            return adder != null ? adder.model() : subtractor.model();
        }

        @Override
        public String digits(String a, String b) {
            return adder != null ? adder.add(a, b) : subtractor.subtract(a, b);
        }

        @Override
        public void close() {
            if (adder != null) {
                adder.close();
            } else {
                subtractor.close();
            }
        }
    }
}
