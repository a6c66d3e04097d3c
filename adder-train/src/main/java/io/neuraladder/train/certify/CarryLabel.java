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
record CarryLabel(int radix, int carryIn, List<Integer> pairs, long key) {

    CarryLabel(int radix, int carryIn, List<Integer> pairs) {
        this(radix, carryIn, pairs, key(radix, carryIn, pairs));
    }

    /** Identifies the label among those of its radix: cheap hashing and equality for the certifier's maps. */
    private static long key(int radix, int carryIn, List<Integer> pairs) {
        long key = 0;
        for (int pair : pairs) {
            key = key * radix * radix + pair;
        }
        return (key * 8 + pairs.size()) * 2 + carryIn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CarryLabel label && label.key == key && label.radix == radix;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key * 0x9E3779B97F4A7C15L);
    }

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
