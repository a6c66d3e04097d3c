package io.neuraladder.proof;

import io.neuraladder.contract.Operator;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the operator knows after a step: its state (the carry or borrow) into a window of the last
 * few digit pairs, and those pairs, oldest first, each {@code a · radix + b}. Which label follows
 * which, and which output digit a label's last step has, is computed here from the
 * {@link Operator}'s step that the caller asked for; the certificate is never asked.
 */
final class StepLabel {

    private final Operator operator;
    private final int radix;
    private final int stateIn;
    private final int[] pairs;
    private final long key;

    /**
     * The most pairs a window holds: with codes below {@code radix² ≤ 2^16} each, the key
     * ({@code code · 8 + length} then {@code · 2 + state}) stays below {@code 2^52}, within a long.
     */
    static final int MAX_WINDOW = 3;

    /** The largest radix the key encodes. */
    static final int MAX_RADIX = 256;

    StepLabel(Operator operator, int radix, int stateIn, int[] pairs) {
        if (radix < 2 || radix > MAX_RADIX || pairs.length > MAX_WINDOW || stateIn < 0 || stateIn >= Operator.STATES) {
            throw new IllegalArgumentException("a label's key encodes radix 2.." + MAX_RADIX + ", at most "
                    + MAX_WINDOW + " pairs and a state below " + Operator.STATES + ", not radix " + radix + ", "
                    + pairs.length + " pairs, state " + stateIn);
        }
        this.operator = operator;
        this.radix = radix;
        this.stateIn = stateIn;
        this.pairs = pairs.clone();
        long code = 0;
        for (int pair : pairs) {
            code = code * radix * radix + pair;
        }
        this.key = (code * 8 + pairs.length) * Operator.STATES + stateIn;
    }

    /** The label after the first step, on {@code pair}, from the operator's initial state. */
    static StepLabel first(Operator operator, int radix, int pair) {
        return new StepLabel(operator, radix, operator.initialState(), new int[] {pair});
    }

    /** The label after one more step on {@code pair}, keeping the last {@code history} pairs. */
    StepLabel next(int pair, int history) {
        int[] window = Arrays.copyOf(pairs, pairs.length + 1);
        window[pairs.length] = pair;
        int state = stateIn;
        int drop = Math.max(0, window.length - history);
        for (int k = 0; k < drop; k++) {
            state = operator.next(radix, state, window[k] / radix, window[k] % radix);
        }
        return new StepLabel(operator, radix, state, Arrays.copyOfRange(window, drop, window.length));
    }

    /**
     * This label less its newest pair: what every successor of one label has in common. The
     * successors {@code next(pair, history)} of a label differ only in their newest pair, since the
     * window's length, and so which old pairs leave it and what state they pass on, does not
     * depend on the new pair.
     */
    StepLabel withoutNewest() {
        return new StepLabel(operator, radix, stateIn, Arrays.copyOf(pairs, pairs.length - 1));
    }

    /** The newest pair of the window. */
    int newest() {
        return pairs[pairs.length - 1];
    }

    /** The output digit of the window's last step, by the operator's step. */
    int outputDigit() {
        int state = stateIn;
        for (int k = 0; k < pairs.length - 1; k++) {
            state = operator.next(radix, state, pairs[k] / radix, pairs[k] % radix);
        }
        int last = pairs[pairs.length - 1];
        return operator.output(radix, state, last / radix, last % radix);
    }

    /** Labels are equal when their radix, state and pairs are: {@code key} encodes the last two. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StepLabel label && label.key == key && label.radix == radix;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key * 0x9E3779B97F4A7C15L);
    }

    @Override
    public String toString() {
        return operator.stateName() + " " + stateIn + ", then " + Arrays.stream(pairs)
                .mapToObj(p -> "(" + p / radix + "," + p % radix + ")").collect(Collectors.joining(" "));
    }
}
