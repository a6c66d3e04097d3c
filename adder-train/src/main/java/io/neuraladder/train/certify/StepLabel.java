package io.neuraladder.train.certify;

import io.neuraladder.contract.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the operator knows after a step: its state (the carry or borrow) into a window of the last
 * few digit pairs, and those pairs. The window's length is at most the certificate's history
 * length; successors and output digits come from the {@link Operator}'s step.
 *
 * @param operator the operator whose steps label the regions
 * @param radix the number base: 2 for bits, 10 for decimal digits
 * @param carryIn the operator's state into the window's first step
 * @param pairs the window's digit pairs, oldest first, each {@code a · radix + b}
 * @param key identifies the label among those of its radix
 */
record StepLabel(Operator operator, int radix, int carryIn, List<Integer> pairs, long key) {

    StepLabel(Operator operator, int radix, int carryIn, List<Integer> pairs) {
        this(operator, radix, carryIn, pairs, key(radix, carryIn, pairs));
    }

    /** Identifies the label among those of its radix: cheap hashing and equality for the certifier's maps. */
    private static long key(int radix, int carryIn, List<Integer> pairs) {
        long key = 0;
        for (int pair : pairs) {
            key = key * radix * radix + pair;
        }
        return (key * 8 + pairs.size()) * Operator.STATES + carryIn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StepLabel label && label.key == key && label.radix == radix;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key * 0x9E3779B97F4A7C15L);
    }

    static StepLabel first(Operator operator, int radix, int pair) {
        return new StepLabel(operator, radix, operator.initialState(), List.of(pair));
    }

    /** The label after one more step on {@code pair}, keeping at most {@code history} pairs. */
    StepLabel next(int pair, int history) {
        List<Integer> window = new ArrayList<>(pairs);
        window.add(pair);
        int state = carryIn;
        while (window.size() > history) {
            state = carryOut(window.remove(0), state);
        }
        return new StepLabel(operator, radix, state, List.copyOf(window));
    }

    /** The output digit of the window's last step. */
    int sumDigit() {
        int state = carryIn;
        for (int k = 0; k < pairs.size() - 1; k++) {
            state = carryOut(pairs.get(k), state);
        }
        int last = pairs.get(pairs.size() - 1);
        return operator.output(radix, state, last / radix, last % radix);
    }

    /** The operator's state after a step on {@code pair} in {@code state}. */
    int carryOut(int pair, int state) {
        return operator.next(radix, state, pair / radix, pair % radix);
    }

    @Override
    public String toString() {
        return operator.stateName() + " " + carryIn + ", then " + pairs.stream()
                .map(p -> "(" + p / radix + "," + p % radix + ")").collect(Collectors.joining(" "));
    }
}
