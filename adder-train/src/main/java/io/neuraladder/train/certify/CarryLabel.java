package io.neuraladder.train.certify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the addition task knows after a step: the carry into a window of the last few bit pairs,
 * and those pairs. The window's length is at most the certificate's history length.
 *
 * @param carryIn the carry into the window's first step
 * @param pairs the window's bit pairs, oldest first, each {@code 2a + b}
 */
record CarryLabel(int carryIn, List<Integer> pairs) {

    static CarryLabel first(int pair) {
        return new CarryLabel(0, List.of(pair));
    }

    /** The label after one more step on {@code pair}, keeping at most {@code history} pairs. */
    CarryLabel next(int pair, int history) {
        List<Integer> window = new ArrayList<>(pairs);
        window.add(pair);
        int carry = carryIn;
        while (window.size() > history) {
            carry = carryOut(window.remove(0), carry);
        }
        return new CarryLabel(carry, List.copyOf(window));
    }

    /** The sum bit of the window's last step. */
    int sumBit() {
        int carry = carryIn;
        for (int k = 0; k < pairs.size() - 1; k++) {
            carry = carryOut(pairs.get(k), carry);
        }
        int last = pairs.get(pairs.size() - 1);
        return (last >> 1) ^ (last & 1) ^ carry;
    }

    static int carryOut(int pair, int carry) {
        int a = pair >> 1;
        int b = pair & 1;
        return (a & b) | (carry & (a ^ b));
    }

    @Override
    public String toString() {
        return "carry " + carryIn + ", then " + pairs.stream().map(p -> "(" + (p >> 1) + "," + (p & 1) + ")")
                .collect(Collectors.joining(" "));
    }
}
