package io.neuraladder.proof;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the addition knows after a step: the carry into a window of the last few digit pairs, and
 * those pairs, oldest first, each {@code a · radix + b}. Which label follows which, and which sum
 * digit a label's last step has, is computed here from the rules of addition; the certificate is
 * never asked.
 */
final class CarryLabel {

    private final int radix;
    private final int carryIn;
    private final int[] pairs;
    private final long key;

    CarryLabel(int radix, int carryIn, int[] pairs) {
        this.radix = radix;
        this.carryIn = carryIn;
        this.pairs = pairs.clone();
        long code = 0;
        for (int pair : pairs) {
            code = code * radix * radix + pair;
        }
        this.key = (code * 8 + pairs.length) * 2 + carryIn;
    }

    /** The label after the first step, on {@code pair}, from the zero state: no carry in. */
    static CarryLabel first(int radix, int pair) {
        return new CarryLabel(radix, 0, new int[] {pair});
    }

    /** The label after one more step on {@code pair}, keeping the last {@code history} pairs. */
    CarryLabel next(int pair, int history) {
        int[] window = Arrays.copyOf(pairs, pairs.length + 1);
        window[pairs.length] = pair;
        int carry = carryIn;
        int drop = Math.max(0, window.length - history);
        for (int k = 0; k < drop; k++) {
            carry = carryOut(window[k], carry);
        }
        return new CarryLabel(radix, carry, Arrays.copyOfRange(window, drop, window.length));
    }

    /**
     * This label less its newest pair: what every successor of one label has in common. The
     * successors {@code next(pair, history)} of a label differ only in their newest pair, since the
     * window's length, and so which old pairs leave it and what carry they pass on, does not
     * depend on the new pair.
     */
    CarryLabel withoutNewest() {
        return new CarryLabel(radix, carryIn, Arrays.copyOf(pairs, pairs.length - 1));
    }

    /** The newest pair of the window. */
    int newest() {
        return pairs[pairs.length - 1];
    }

    /** The sum digit of the window's last step: {@code (a + b + carry) mod radix}. */
    int sumDigit() {
        int carry = carryIn;
        for (int k = 0; k < pairs.length - 1; k++) {
            carry = carryOut(pairs[k], carry);
        }
        int last = pairs[pairs.length - 1];
        return (last / radix + last % radix + carry) % radix;
    }

    private int carryOut(int pair, int carry) {
        return pair / radix + pair % radix + carry >= radix ? 1 : 0;
    }

    /** Labels are equal when their radix, carry and pairs are: {@code key} encodes the last two. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CarryLabel label && label.key == key && label.radix == radix;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key * 0x9E3779B97F4A7C15L);
    }

    @Override
    public String toString() {
        return "carry " + carryIn + ", then " + Arrays.stream(pairs)
                .mapToObj(p -> "(" + p / radix + "," + p % radix + ")").collect(Collectors.joining(" "));
    }
}
