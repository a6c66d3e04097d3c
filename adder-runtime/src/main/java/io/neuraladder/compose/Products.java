package io.neuraladder.compose;

import io.neuraladder.engine.OperatorEngine;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Int products wired from a certified adder, and the adder's sums of any partial products: Booth's
 * radix-4 recoding of an int multiplier chooses, for each pair of its bits, a partial product
 * {@code 0}, {@code ±x} or {@code ±2x} shifted into place, and the adder sums them ({@link #sums}
 * also sums {@link Radix16Products}' terms). Every bit of every sum is the adder's; the Java here only wires:
 * it reads the multiplier's bits, shifts the multiplicand, takes its bitwise NOT for a negative
 * digit (a negative partial product {@code −x·2^k} is {@code (~x)·2^k + 2^k}), places each such
 * {@code 2^k} as a single bit where another partial product has a zero, and chooses which operand
 * is the multiplier. docs/certification.md gives the argument that the sums are the products.
 */
final class Products {

    /** Booth digits of an int multiplier: 16, each over two of its bits. */
    static final int INT_DIGITS = Integer.SIZE / 2;

    /** Levels of the adder tree for 16 partial products, and for 32 when a 17th holds a correction bit. */
    static final int INT_LEVELS = 4;
    static final int WIDE_INT_LEVELS = 5;

    private Products() {}

    /**
     * The partial products of {@code x · y} modulo 2^64, for int operands (whose exact product
     * fits): {@value #INT_DIGITS} of them, or 32 (the rest zero) when the last negative digit's
     * correction bit finds no free slot, for whichever of the two operands as multiplier needs
     * fewer.
     */
    static long[] intTerms(int x, int y) {
        long[] terms = booth(x, y);
        return terms.length == INT_DIGITS ? terms : booth(y, x);
    }

    /**
     * The nonzero partial products of {@code x · y} for one product, padded with zeros to a power
     * of two (at least 2): the multiplier is whichever operand leaves fewer, so that the adder's
     * tree is as shallow as it can be.
     */
    static long[] fewestTerms(int x, int y) {
        long[] first = nonzero(booth(x, y));
        long[] second = nonzero(booth(y, x));
        return first.length <= second.length ? first : second;
    }

    private static long[] nonzero(long[] terms) {
        int count = 0;
        for (long term : terms) {
            count += term != 0 ? 1 : 0;
        }
        int slots = 2;
        while (slots < count) {
            slots *= 2;
        }
        long[] packed = new long[slots];
        int next = 0;
        for (long term : terms) {
            if (term != 0) {
                packed[next++] = term;
            }
        }
        return packed;
    }

    /** The adder tree's depth for {@code terms}, a power of two. */
    static int levels(long[] terms) {
        return Integer.numberOfTrailingZeros(terms.length);
    }

    /** Booth's partial products of multiplicand {@code x} and multiplier {@code y}. */
    private static long[] booth(int x, int y) {
        long[] terms = new long[INT_DIGITS];
        long multiplicand = x;
        long pending = 0;
        boolean[] zero = new boolean[INT_DIGITS];
        for (int i = 0; i < INT_DIGITS; i++) {
            int shift = 2 * i;
            int code = (y >>> shift & 3) << 1 | (i == 0 ? 0 : y >>> (shift - 1) & 1);
            long term = switch (code) {
                case 0b001, 0b010 -> multiplicand << shift;
                case 0b011 -> multiplicand << (shift + 1);
                case 0b100 -> ~multiplicand << (shift + 1);
                case 0b101, 0b110 -> ~multiplicand << shift;
                default -> 0;
            };
            zero[i] = code == 0b000 || code == 0b111;
            // Bits below this term's shift are zero: the previous digit's correction bit goes there.
            terms[i] = term | pending;
            pending = code == 0b100 ? 1L << (shift + 1) : code == 0b101 || code == 0b110 ? 1L << shift : 0;
        }
        if (pending != 0) {
            for (int i = 0; i < INT_DIGITS - 1; i++) {
                if (zero[i]) {
                    terms[i] |= pending;
                    return terms;
                }
            }
            long[] wide = new long[2 * INT_DIGITS];
            System.arraycopy(terms, 0, wide, 0, INT_DIGITS);
            wide[INT_DIGITS] = pending;
            return wide;
        }
        return terms;
    }

    /**
     * The sum of each item's terms, exact, added pairwise by {@code adder} level after level, every
     * level one batched call; an item with no terms sums to zero. Low bits that are zero in both
     * terms of a pair are not sent: {@code a·2^z + b·2^z = (a + b)·2^z}, shifted back.
     */
    static BigInteger[] sums(OperatorEngine adder, List<List<BigInteger>> items) {
        List<List<BigInteger>> level = new ArrayList<>();
        for (List<BigInteger> terms : items) {
            level.add(terms.isEmpty() ? List.of(BigInteger.ZERO) : new ArrayList<>(terms));
        }
        while (level.stream().anyMatch(terms -> terms.size() > 1)) {
            List<BigInteger> a = new ArrayList<>();
            List<BigInteger> b = new ArrayList<>();
            List<Integer> zeros = new ArrayList<>();
            for (List<BigInteger> terms : level) {
                for (int k = 0; k + 1 < terms.size(); k += 2) {
                    int shared = sharedLowZeros(terms.get(k), terms.get(k + 1));
                    a.add(terms.get(k).shiftRight(shared));
                    b.add(terms.get(k + 1).shiftRight(shared));
                    zeros.add(shared);
                }
            }
            BigInteger[] added = adder.exact(a.toArray(BigInteger[]::new), b.toArray(BigInteger[]::new));
            int next = 0;
            List<List<BigInteger>> sums = new ArrayList<>(level.size());
            for (List<BigInteger> terms : level) {
                List<BigInteger> reduced = new ArrayList<>((terms.size() + 1) / 2);
                for (int k = 0; k + 1 < terms.size(); k += 2) {
                    reduced.add(added[next].shiftLeft(zeros.get(next)));
                    next++;
                }
                if (terms.size() % 2 == 1) {
                    reduced.add(terms.get(terms.size() - 1));
                }
                sums.add(reduced);
            }
            level = sums;
        }
        return level.stream().map(terms -> terms.get(0)).toArray(BigInteger[]::new);
    }

    /** The low bits that are zero in both {@code a} and {@code b} (none if both are zero). */
    private static int sharedLowZeros(BigInteger a, BigInteger b) {
        if (a.signum() == 0 || b.signum() == 0) {
            return Math.max(0, Math.max(a.getLowestSetBit(), b.getLowestSetBit()));
        }
        return Math.min(a.getLowestSetBit(), b.getLowestSetBit());
    }
}
