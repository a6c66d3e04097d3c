package io.neuraladder.compose;

import io.neuraladder.common.Checks;
import io.neuraladder.common.Limits;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * {@link Math#multiplyExact} and {@link BigInteger#multiply} wired from a certified adder: the
 * partial products of {@link Products} (int factors) or {@link Radix16Products} (long and
 * {@code BigInteger} factors, above 64 bits after {@link Karatsuba}'s splits) summed by the adder's
 * own cell, then {@link Math}'s overflow rule read from the exact product. The only arithmetic here is the adder's.
 */
public final class Multiplier {

    private Multiplier() {}

    /**
     * Like {@link Math#multiplyExact(int, int)}: Booth's terms summed in one tree over as many steps
     * as the product can have bits; where the factors' lengths alone put it past an int, the
     * overflow is reported without a run (docs/certification.md).
     */
    public static int multiplyExact(ReloadableAdder adder, int a, int b) {
        int lengths = length(a) + length(b);
        if (lengths >= Integer.SIZE + 2) {
            throw new ArithmeticException("integer overflow");
        }
        long product = fullProduct(adder, a, b, lengths);
        if (product != (int) product) {
            throw new ArithmeticException("integer overflow");
        }
        return (int) product;
    }

    /**
     * Like {@link Math#multiplyFull(int, int)}: the exact product of two ints, which always fits a
     * long; Booth's terms summed in one tree.
     */
    public static long multiplyFull(ReloadableAdder adder, int a, int b) {
        return fullProduct(adder, a, b, length(a) + length(b));
    }

    /**
     * {@code a · b}, whose factors' two's-complement lengths (without sign bits) add up to
     * {@code lengths}: {@code |a·b| ≤ 2^lengths}, so the sum of its terms modulo 2^(lengths + 2)
     * (at most 2^64), read as a signed number of that width, is the product.
     */
    private static long fullProduct(ReloadableAdder adder, int a, int b, int lengths) {
        long[] terms = Products.fewestTerms(a, b);
        int steps = Math.min(Long.SIZE, lengths + 2);
        return adder.engine().call(engine -> engine.sums(terms, Products.levels(terms), steps)[0]);
    }

    /**
     * {@code x}'s length in two's complement without its sign bit: {@code 2^(n−1) ≤ |x| ≤ 2^n} for a
     * length {@code n ≥ 1}; read from the bits, as {@link Integer#numberOfLeadingZeros} counts them.
     */
    private static int length(int x) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(x ^ x >> 31);
    }

    /** Like {@link Math#multiplyHigh(long, long)}: the high 64 bits of the exact 128-bit signed product. */
    public static long multiplyHigh(ReloadableAdder adder, long a, long b) {
        return product(adder, BigInteger.valueOf(a), BigInteger.valueOf(b)).shiftRight(Long.SIZE).longValue();
    }

    /**
     * Like {@code Math.unsignedMultiplyHigh(long, long)} (JDK 18): the high 64 bits of the exact
     * product of the operands read as unsigned 64-bit numbers.
     */
    public static long unsignedMultiplyHigh(ReloadableAdder adder, long a, long b) {
        return product(adder, unsigned(a), unsigned(b)).shiftRight(Long.SIZE).longValue();
    }

    /** The 64 bits of {@code x} read as an unsigned number: the same bits with a 0 sign above them, no arithmetic. */
    private static BigInteger unsigned(long x) {
        return new BigInteger(1, ByteBuffer.allocate(Long.BYTES).putLong(x).array());
    }

    /** Like {@link Math#multiplyExact(long, long)}: the exact product's terms summed level by level. */
    public static long multiplyExact(ReloadableAdder adder, long a, long b) {
        BigInteger product = product(adder, BigInteger.valueOf(a), BigInteger.valueOf(b));
        if (product.bitLength() >= Long.SIZE) {
            throw new ArithmeticException("long overflow");
        }
        return product.longValue();
    }

    /** Like {@link Math#multiplyExact(int, int)} per element: every element's terms in the same trees. */
    public static int[] multiplyExact(ReloadableAdder adder, int[] a, int[] b) {
        Checks.requireSameLength(a.length, b.length);
        long[][] terms = new long[a.length][];
        int narrow = 0;
        for (int i = 0; i < a.length; i++) {
            terms[i] = Products.intTerms(a[i], b[i]);
            narrow += terms[i].length == Products.INT_DIGITS ? 1 : 0;
        }
        long[] products = new long[a.length];
        sumTrees(adder, terms, Products.INT_DIGITS, Products.INT_LEVELS, narrow, products);
        sumTrees(adder, terms, 2 * Products.INT_DIGITS, Products.WIDE_INT_LEVELS, a.length - narrow, products);
        int[] results = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (products[i] != (int) products[i]) {
                throw new ArithmeticException("integer overflow at index " + i + ": " + a[i] + " * " + b[i]);
            }
            results[i] = (int) products[i];
        }
        return results;
    }

    /** Like {@link Math#multiplyExact(long, long)} per element. */
    public static long[] multiplyExact(ReloadableAdder adder, long[] a, long[] b) {
        Checks.requireSameLength(a.length, b.length);
        BigInteger[] x = new BigInteger[a.length];
        BigInteger[] y = new BigInteger[a.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = BigInteger.valueOf(a[i]);
            y[i] = BigInteger.valueOf(b[i]);
        }
        BigInteger[] products = adder.engine().call(engine -> Radix16Products.products(engine, x, y));
        long[] results = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            if (products[i].bitLength() >= Long.SIZE) {
                throw new ArithmeticException("long overflow at index " + i + ": " + a[i] + " * " + b[i]);
            }
            results[i] = products[i].longValue();
        }
        return results;
    }

    /** Like {@link BigInteger#multiply}, for factors up to {@link Limits#MAX_FACTOR_BITS} bits. */
    public static BigInteger multiply(ReloadableAdder adder, BigInteger a, BigInteger b) {
        Checks.requireBitsAtMost(a, b, Limits.MAX_FACTOR_BITS, "multiplied, so that the adder's runs stay within "
                + "bounded memory and time");
        return adder.engine().call(engine -> Karatsuba.products(engine, new BigInteger[] {a}, new BigInteger[] {b})[0]);
    }

    /** The partial products {@link #multiplyExact(ReloadableAdder, int, int)} sums, for tools that show them. */
    public static long[] partialProducts(int a, int b) {
        return Products.fewestTerms(a, b);
    }

    private static BigInteger product(ReloadableAdder adder, BigInteger a, BigInteger b) {
        return adder.engine().call(engine -> Radix16Products.products(engine, new BigInteger[] {a}, new BigInteger[] {b}))[0];
    }

    /** Sums the {@code count} items of {@code terms} whose partial products number {@code size}, into {@code products}. */
    private static void sumTrees(ReloadableAdder adder, long[][] terms, int size, int levels, int count,
            long[] products) {
        if (count == 0) {
            return;
        }
        long[] flat = new long[count * size];
        int[] index = new int[count];
        int next = 0;
        for (int i = 0; i < terms.length; i++) {
            if (terms[i].length == size) {
                System.arraycopy(terms[i], 0, flat, next * size, size);
                index[next++] = i;
            }
        }
        long[] sums = adder.engine().call(engine -> engine.sums(flat, levels, Long.SIZE));
        for (int k = 0; k < count; k++) {
            products[index[k]] = sums[k];
        }
    }
}
