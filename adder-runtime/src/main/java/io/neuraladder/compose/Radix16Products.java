package io.neuraladder.compose;

import io.neuraladder.engine.OperatorEngine;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Products of {@code BigInteger}s with half of {@link Products}' partial products: Booth's radix-16
 * recoding of the multiplier (the shorter factor) writes it as {@code y = Σ d_i·16^i} with
 * {@code d_i = −8·y_{4i+3} + 4·y_{4i+2} + 2·y_{4i+1} + y_{4i} + y_{4i−1}} in {@code [−8, 8]}, so each
 * digit's term is a multiple {@code o·x} of the multiplicand for an odd {@code o} in {1, 3, 5, 7},
 * shifted by {@code 4i} and by the power of two in {@code |d_i|}. One batched run of the adder
 * computes the odd multiples the digits use, each as half of an exact even sum:
 * {@code 3x = (4x + 2x)/2}, {@code 5x = (8x + 2x)/2} and {@code 7x = ((16x + 1) + (2·¬x + 1))/2},
 * whose two low 1s carry the 1 of {@code 8x + ¬x + 1} ({@link Karatsuba#differences}). A negative digit's term is the multiple's bitwise NOT
 * shifted into place, {@code −v·2^k = (¬v)·2^k + 2^k}, and one more term holds every such
 * {@code 2^k}, each at its own position. The adder sums the terms ({@link Products#sums}). Java only
 * reads bits, shifts, negates bitwise and places bits (docs/certification.md).
 */
final class Radix16Products {

    /** Multiplier bits per digit. */
    static final int DIGIT_BITS = 4;

    /** Odd multiples a digit may need besides the multiplicand itself: 3, 5 and 7. */
    private static final int[] ODD_MULTIPLES = {3, 5, 7};

    private Radix16Products() {}

    /** {@code x[i] · y[i]} for every index, exact: one run for the odd multiples, then the sums' levels. */
    static BigInteger[] products(OperatorEngine adder, BigInteger[] x, BigInteger[] y) {
        List<Recoded> products = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            products.add(Recoded.of(x[i], y[i]));
        }
        computeOddMultiples(adder, products);
        return Products.sums(adder, products.stream().map(Recoded::terms).toList());
    }

    /**
     * The radix-16 Booth digits of {@code y}, lowest first, up to the first whose top bit is a sign
     * bit of {@code y}: their sum times powers of 16 is {@code y}.
     */
    static int[] digits(BigInteger y) {
        int[] digits = new int[(y.bitLength() + DIGIT_BITS) / DIGIT_BITS];
        for (int i = 0; i < digits.length; i++) {
            int low = DIGIT_BITS * i;
            int digit = i > 0 && y.testBit(low - 1) ? 1 : 0;
            for (int bit = 0; bit < DIGIT_BITS; bit++) {
                int weight = bit == DIGIT_BITS - 1 ? -(1 << bit) : 1 << bit;
                digit += y.testBit(low + bit) ? weight : 0;
            }
            digits[i] = digit;
        }
        return digits;
    }

    /** Every odd multiple that {@code products}' digits use, from one batched run of the adder. */
    private static void computeOddMultiples(OperatorEngine adder, List<Recoded> products) {
        List<BigInteger> left = new ArrayList<>();
        List<BigInteger> right = new ArrayList<>();
        List<Recoded> owners = new ArrayList<>();
        List<Integer> multiples = new ArrayList<>();
        for (Recoded product : products) {
            for (int odd : ODD_MULTIPLES) {
                if (product.uses(odd)) {
                    addOperands(product.odd()[1], odd, left, right);
                    owners.add(product);
                    multiples.add(odd);
                }
            }
        }
        if (left.isEmpty()) {
            return;
        }
        BigInteger[] doubled = adder.exact(left.toArray(BigInteger[]::new), right.toArray(BigInteger[]::new));
        for (int k = 0; k < doubled.length; k++) {
            owners.get(k).odd()[multiples.get(k)] = doubled[k].shiftRight(1);
        }
    }

    /**
     * The adder's operands for {@code odd·x}, whose sum is twice the multiple: {@code 4x + 2x},
     * {@code 8x + 2x}, and for 7 {@code (16x + 1) + (2·¬x + 1)}, whose low bits' carry adds the 1.
     */
    private static void addOperands(BigInteger x, int odd, List<BigInteger> left, List<BigInteger> right) {
        switch (odd) {
            case 3 -> {
                left.add(x.shiftLeft(2));
                right.add(x.shiftLeft(1));
            }
            case 5 -> {
                left.add(x.shiftLeft(3));
                right.add(x.shiftLeft(1));
            }
            case 7 -> {
                left.add(x.shiftLeft(4).setBit(0));
                right.add(x.not().shiftLeft(1).setBit(0));
            }
            default -> throw new IllegalArgumentException("no odd multiple " + odd);
        }
    }

    /**
     * One product recoded: the multiplier's digits, and {@code odd[o] = o·x} for the multiplicand
     * {@code x = odd[1]} and each odd {@code o} the digits use (filled by the adder's run).
     */
    private record Recoded(int[] digits, BigInteger[] odd) {

        /** {@code x·y} with the shorter factor as the multiplier. */
        static Recoded of(BigInteger x, BigInteger y) {
            boolean xLonger = x.bitLength() >= y.bitLength();
            BigInteger[] odd = new BigInteger[ODD_MULTIPLES[ODD_MULTIPLES.length - 1] + 1];
            odd[1] = xLonger ? x : y;
            return new Recoded(Radix16Products.digits(xLonger ? y : x), odd);
        }

        /** Whether a digit's magnitude is {@code odd} times a power of two. */
        boolean uses(int odd) {
            for (int digit : digits) {
                if (digit != 0 && Math.abs(digit) >> Integer.numberOfTrailingZeros(digit) == odd) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The partial products, lowest first, after the correction term: it spans the low digits'
         * bits, so the adder's first level pairs it with the lowest partial product, as wide as itself.
         */
        List<BigInteger> terms() {
            List<BigInteger> terms = new ArrayList<>(digits.length + 1);
            BigInteger corrections = BigInteger.ZERO;
            for (int i = 0; i < digits.length; i++) {
                if (digits[i] == 0) {
                    continue;
                }
                int twos = Integer.numberOfTrailingZeros(digits[i]);
                BigInteger multiple = odd[Math.abs(digits[i]) >> twos];
                int shift = DIGIT_BITS * i + twos;
                if (digits[i] > 0) {
                    terms.add(multiple.shiftLeft(shift));
                } else {
                    terms.add(multiple.not().shiftLeft(shift));
                    corrections = corrections.setBit(shift);
                }
            }
            if (corrections.signum() != 0) {
                terms.add(0, corrections);
            }
            return terms;
        }
    }
}
