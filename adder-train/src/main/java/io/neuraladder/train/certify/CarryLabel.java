package io.neuraladder.train.certify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the addition task knows after a step: the carry into a window of the last few digit pairs,
 * and those pairs. The window's length is at most the certificate's history length.
 *
 * @param radix the number base: 2 for bits, 10 for decimal digits
 * @param carryIn the carry into the window's first step
 * @param pairs the window's digit pairs, oldest first, each {@code a · radix + b}
 */
record CarryLabel(int radix, int carryIn, List<Integer> pairs) {

    static CarryLabel first(int radix, int pair) {
        return new CarryLabel(radix, 0, List.of(pair));
    }

    /** The label after one more step on {@code pair}, keeping at most {@code history} pairs. */
    CarryLabel next(int pair, int history) {
        List<Integer> window = new ArrayList<>(pairs);
        window.add(pair);
        int carry = carryIn;
        while (window.size() > history) {
            carry = carryOut(window.remove(0), carry);
        }
        return new CarryLabel(radix, carry, List.copyOf(window));
    }

    /** The sum digit of the window's last step. */
    int sumDigit() {
        int carry = carryIn;
        for (int k = 0; k < pairs.size() - 1; k++) {
            carry = carryOut(pairs.get(k), carry);
        }
        int last = pairs.get(pairs.size() - 1);
        return (last / radix + last % radix + carry) % radix;
    }

    int carryOut(int pair, int carry) {
        return pair / radix + pair % radix + carry >= radix ? 1 : 0;
    }

    @Override
    public String toString() {
        return "carry " + carryIn + ", then " + pairs.stream().map(p -> "(" + p / radix + "," + p % radix + ")")
                .collect(Collectors.joining(" "));
    }
}
