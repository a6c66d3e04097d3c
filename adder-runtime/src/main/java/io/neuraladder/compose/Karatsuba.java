package io.neuraladder.compose;

import io.neuraladder.engine.OperatorEngine;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Long products with fewer cell steps: Karatsuba's three half-size products in place of four, every
 * sum by the certified adder, every level's products side by side in batched runs.
 *
 * <p>With {@code x = x1·2^m + x0} and {@code y = y1·2^m + y0} ({@code x0, y0} the low {@code m}
 * bits, {@code x1, y1} the rest, shifted down with their sign), the adder computes the differences
 * {@code x1 − x0} and {@code y0 − y1} ({@link #differences}); the three products
 * {@code z2 = x1·y1}, {@code z0 = x0·y0} and {@code p = (x1 − x0)(y0 − y1)} come from the next level
 * (radix-16 Booth partial products summed by the adder, {@link Radix16Products}, at
 * {@value #SPLIT_ABOVE_BITS} bits and below); and since {@code p + z2 + z0 = x1·y0 + x0·y1}, the adder sums
 * {@code x·y = z2·2^2m + (p + z2 + z0)·2^m + z0} as four terms: {@code z2·2^2m} with {@code z0} in
 * its zero low bits ({@code 0 ≤ z0 < 2^2m}), {@code p·2^m}, {@code z2·2^m} and {@code z0·2^m}. Java
 * only splits, shifts, negates bitwise and places bits where zeros are (docs/certification.md).
 */
final class Karatsuba {

    /**
     * Factors split while both are longer than this; shorter ones are Booth's. The best of 32 to 512
     * measured on 4,096-bit factors with radix-4 Booth; with radix-16, 64 to 192 measured alike.
     */
    static final int SPLIT_ABOVE_BITS = 64;

    /** Operand bits one level may hold at once; past them, its pairs go in parts, so that memory stays bounded. */
    static final long BITS_PER_LEVEL = 1L << 22;

    private Karatsuba() {}

    /** {@code x[i] · y[i]} for every index, exact. */
    static BigInteger[] products(OperatorEngine adder, BigInteger[] x, BigInteger[] y) {
        long bits = 0;
        for (int i = 0; i < x.length; i++) {
            bits += x[i].bitLength() + y[i].bitLength();
        }
        if (bits > BITS_PER_LEVEL && x.length > 1) {
            int half = x.length / 2;
            BigInteger[] low = products(adder, slice(x, 0, half), slice(y, 0, half));
            BigInteger[] high = products(adder, slice(x, half, x.length), slice(y, half, x.length));
            BigInteger[] all = new BigInteger[x.length];
            System.arraycopy(low, 0, all, 0, half);
            System.arraycopy(high, 0, all, half, high.length);
            return all;
        }
        List<Integer> split = new ArrayList<>();
        List<Integer> booth = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Math.min(x[i].bitLength(), y[i].bitLength()) > SPLIT_ABOVE_BITS) {
                split.add(i);
            } else {
                booth.add(i);
            }
        }
        BigInteger[] results = new BigInteger[x.length];
        if (!booth.isEmpty()) {
            BigInteger[] boothProducts = Radix16Products.products(adder, pick(x, booth), pick(y, booth));
            for (int k = 0; k < booth.size(); k++) {
                results[booth.get(k)] = boothProducts[k];
            }
        }
        if (!split.isEmpty()) {
            BigInteger[] splitProducts = split(adder, pick(x, split), pick(y, split));
            for (int k = 0; k < split.size(); k++) {
                results[split.get(k)] = splitProducts[k];
            }
        }
        return results;
    }

    /** One Karatsuba level for pairs whose factors are all longer than {@link #SPLIT_ABOVE_BITS}. */
    private static BigInteger[] split(OperatorEngine adder, BigInteger[] x, BigInteger[] y) {
        int n = x.length;
        int[] m = new int[n];
        BigInteger[] left = new BigInteger[3 * n];
        BigInteger[] right = new BigInteger[3 * n];
        BigInteger[] minuends = new BigInteger[2 * n];
        BigInteger[] subtrahends = new BigInteger[2 * n];
        for (int i = 0; i < n; i++) {
            m[i] = (Math.max(x[i].bitLength(), y[i].bitLength()) + 1) / 2;
            left[i] = x[i].shiftRight(m[i]);
            right[i] = y[i].shiftRight(m[i]);
            left[n + i] = low(x[i], m[i]);
            right[n + i] = low(y[i], m[i]);
            minuends[i] = left[i];
            subtrahends[i] = left[n + i];
            minuends[n + i] = right[n + i];
            subtrahends[n + i] = right[i];
        }
        BigInteger[] differences = differences(adder, minuends, subtrahends);
        System.arraycopy(differences, 0, left, 2 * n, n);
        System.arraycopy(differences, n, right, 2 * n, n);
        BigInteger[] z = products(adder, left, right);
        List<List<BigInteger>> terms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigInteger z2 = z[i];
            BigInteger z0 = z[n + i];
            BigInteger p = z[2 * n + i];
            terms.add(List.of(z2.shiftLeft(2 * m[i]).or(z0), p.shiftLeft(m[i]), z2.shiftLeft(m[i]),
                    z0.shiftLeft(m[i])));
        }
        return Products.sums(adder, terms);
    }

    /**
     * {@code a[i] − b[i]} for every index, by the adder alone in one batched run: {@code a − b = a + ¬b + 1},
     * and the adder adds the 1 as a carry into the lowest bit, from operands {@code 2a + 1} and
     * {@code 2¬b + 1} whose sum {@code 2(a + ¬b + 1)} is shifted back.
     */
    static BigInteger[] differences(OperatorEngine adder, BigInteger[] a, BigInteger[] b) {
        BigInteger[] left = new BigInteger[a.length];
        BigInteger[] right = new BigInteger[a.length];
        for (int i = 0; i < a.length; i++) {
            left[i] = a[i].shiftLeft(1).setBit(0);
            right[i] = b[i].not().shiftLeft(1).setBit(0);
        }
        BigInteger[] sums = adder.exact(left, right);
        for (int i = 0; i < sums.length; i++) {
            sums[i] = sums[i].shiftRight(1);
        }
        return sums;
    }

    private static BigInteger low(BigInteger value, int bits) {
        return value.and(BigInteger.ZERO.not().shiftLeft(bits).not());
    }

    private static BigInteger[] slice(BigInteger[] values, int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }

    private static BigInteger[] pick(BigInteger[] values, List<Integer> indices) {
        return indices.stream().map(i -> values[i]).toArray(BigInteger[]::new);
    }
}
