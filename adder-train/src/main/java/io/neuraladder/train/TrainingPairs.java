package io.neuraladder.train;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.Operator;
import io.neuraladder.sampling.IntPairs;
import java.util.Arrays;

/**
 * Operand pairs as the network reads them: digit {@code t} (least significant first) of each
 * operand, and how many steps the pair takes. Training, validation and the loss read every pair
 * through this, whatever the radix.
 */
public interface TrainingPairs {

    /** The number of pairs. */
    int size();

    /** Digit {@code t} of operand {@code operand} (0 or 1) of pair {@code n}; 0 beyond its length. */
    int digit(int n, int operand, int t);

    /** The steps pair {@code n} takes. */
    int steps(int n);

    /** Pairs {@code from} (inclusive) to {@code to} (exclusive). */
    TrainingPairs slice(int from, int to);

    /** The outputs {@code operator} writes for pair {@code n}, one per step: what the network must write. */
    default int[] expected(Operator operator, int radix, int n) {
        int steps = steps(n);
        int[] out = new int[steps];
        int state = operator.initialState();
        for (int t = 0; t < steps; t++) {
            int a = digit(n, 0, t);
            int b = digit(n, 1, t);
            out[t] = operator.output(radix, state, a, b);
            state = operator.next(radix, state, a, b);
        }
        return out;
    }

    /** Two's-complement ints read bit by bit over their low {@code steps} bits (radix 2). */
    static TrainingPairs bits(IntPairs pairs, int steps) {
        return new Bits(pairs, steps);
    }

    /** Non-negative numbers written in {@code radix}, most significant digit first, one step more than the longer has digits. */
    static TrainingPairs digits(String[][] pairs, int radix) {
        return new Digits(pairs, DigitCodec.of(radix));
    }

    /** See {@link #bits}. */
    record Bits(IntPairs pairs, int bits) implements TrainingPairs {

        @Override
        public int size() {
            return pairs.size();
        }

        @Override
        public int digit(int n, int operand, int t) {
            return BitCodec.bit(operand == 0 ? pairs.a()[n] : pairs.b()[n], t);
        }

        @Override
        public int steps(int n) {
            return bits;
        }

        @Override
        public TrainingPairs slice(int from, int to) {
            return new Bits(pairs.slice(from, to), bits);
        }
    }

    /** See {@link #digits}. */
    record Digits(String[][] pairs, DigitCodec codec) implements TrainingPairs {

        @Override
        public int size() {
            return pairs.length;
        }

        @Override
        public int digit(int n, int operand, int t) {
            return codec.digit(pairs[n][operand], t);
        }

        @Override
        public int steps(int n) {
            return DigitCodec.steps(pairs[n][0], pairs[n][1]);
        }

        @Override
        public TrainingPairs slice(int from, int to) {
            return new Digits(Arrays.copyOfRange(pairs, from, to), codec);
        }
    }
}
