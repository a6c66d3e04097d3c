package io.neuraladder.proof;

/**
 * Interval bounds rounded outward: every lower bound returned is at most, and every upper bound at
 * least, the exact real value of the expression on the same (exactly represented) operands.
 *
 * <p>Why each is rigorous:
 * <ul>
 *   <li>{@code +}, {@code −}, {@code ×}, {@code ÷} on doubles are IEEE 754 operations rounded to
 *       nearest (Java has no other mode): the exact result lies within half an ulp of the computed
 *       one, so between its neighbours {@link Math#nextDown} and {@link Math#nextUp}. Operands stay
 *       far below overflow (weights are finite floats, box bounds at most
 *       {@link CertificateReader#MAX_BOUND}), so no result is infinite where it matters; an
 *       overflowing {@code exp} is handled where it is called.
 *   <li>{@link Math#exp} is, by its specification, within 1 ulp of the exact result, whichever
 *       implementation or intrinsic the JVM uses. An ulp of a value {@code y} is at most
 *       {@code 2^-52 |y|} (normal) or {@code 2^-1074} (subnormal), so the exact value lies within
 *       {@code 2^-50 |y| + 2^-1022} of the computed {@code y}, with room to spare for the rounding
 *       of that slack itself.
 *   <li>σ and tanh are computed from bounds of {@code exp} with the operations above, each rounded
 *       the way that keeps the bound on its side: {@code σ(x) = 1 / (1 + e^−x)} and
 *       {@code tanh(x) = 1 − 2 / (e^2x + 1)} are increasing in {@code x}, so a lower bound of
 *       σ or tanh comes from a bound of {@code e^−x} from above or of {@code e^2x} from below
 *       ({@code 2x} and {@code −x} are exact).
 * </ul>
 *
 * <p>Every bound holds on every JVM; two JVMs whose {@code Math.exp} differ in the last ulp could
 * disagree only on a certificate whose slack is within a few ulps of zero.
 */
final class Outward {

    /** The most terms {@link #dotProductError} bounds: its proof needs {@code n ≤ 2^20}. */
    static final int MAX_TERMS = 1 << 20;

    private Outward() {}

    static double addLow(double x, double y) {
        return Math.nextDown(x + y);
    }

    static double addHigh(double x, double y) {
        return Math.nextUp(x + y);
    }

    /**
     * A bound of how far a dot product of {@code n ≤ 2^20} terms, multiplied and summed left to
     * right in double, can lie from the exact one, given the computed sum {@code magnitude} of the
     * terms' magnitudes. The error is at most {@code γ_n Σ|x_k y_k|}, {@code γ_n = nu / (1 − nu)},
     * {@code u = 2^-53} (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, §3.1),
     * plus {@code 2^-1075} per product that underflows. {@code magnitude}, itself a rounded sum
     * of rounded products, is at least {@code (1 − γ_n)(1 − u)} of the exact {@code Σ|x_k y_k|}
     * less the underflows; {@code 2(n + 1)u · magnitude + n · 2^-1074} covers all of it for
     * {@code n ≤ 2^20}, and is rounded up.
     */
    static double dotProductError(int n, double magnitude) {
        if (n < 0 || n > MAX_TERMS) {
            throw new IllegalArgumentException("the dot-product bound holds for up to 2^20 terms, not " + n);
        }
        return Math.nextUp(Math.nextUp(2.0 * (n + 1) * 0x1p-53 * magnitude) + n * Double.MIN_VALUE);
    }

    /** The lower bound of {@code x · y} over {@code x ∈ [xl, xh]}, {@code y ∈ [yl, yh]}: the smallest corner. */
    static double productLow(double xl, double xh, double yl, double yh) {
        return Math.nextDown(Math.min(Math.min(xl * yl, xl * yh), Math.min(xh * yl, xh * yh)));
    }

    /** The upper bound of {@code x · y} over the same intervals: the largest corner. */
    static double productHigh(double xl, double xh, double yl, double yh) {
        return Math.nextUp(Math.max(Math.max(xl * yl, xl * yh), Math.max(xh * yl, xh * yh)));
    }

    /**
     * A lower bound of {@code tanh(x) = 1 − 2 / (e^2x + 1)}: from a lower bound of {@code e^2x}
     * ({@code 2x} is exact), each operation rounded the way that keeps the bound below.
     */
    static double tanhLow(double x) {
        double quotient = Math.nextUp(2 / addLow(expLow(2 * x), 1));
        return Math.max(-1, addLow(1, -quotient));
    }

    /** An upper bound of {@code tanh(x)}: from an upper bound of {@code e^2x}. */
    static double tanhHigh(double x) {
        double quotient = Math.nextDown(2 / addHigh(expHigh(2 * x), 1));
        return Math.min(1, addHigh(1, -quotient));
    }

    /** A lower bound of the logistic {@code σ(x) = 1 / (1 + e^−x)}: from an upper bound of {@code e^−x}. */
    static double sigmoidLow(double x) {
        double e = expHigh(-x);
        return Math.max(0, Math.nextDown(1 / addHigh(1, e)));
    }

    /** An upper bound of {@code σ(x)}: from a lower bound of {@code e^−x}. */
    static double sigmoidHigh(double x) {
        double e = expLow(-x);
        return Math.min(1, Math.nextUp(1 / addLow(1, e)));
    }

    /**
     * A lower bound of the slope {@code σ'(x) = σ(x)(1 − σ(x))}: {@code s(1 − s)} is concave in
     * {@code s}, so over σ's bounds it is least at one of their ends.
     */
    static double sigmoidSlopeLow(double x) {
        double low = sigmoidLow(x);
        double high = sigmoidHigh(x);
        double atLow = Math.nextDown(low * Math.max(0, addLow(1, -low)));
        double atHigh = Math.nextDown(high * Math.max(0, addLow(1, -high)));
        return Math.max(0, Math.min(atLow, atHigh));
    }

    /** A lower bound of the slope {@code tanh'(x) = 1 − tanh(x)²}: least where |tanh| is largest. */
    static double tanhSlopeLow(double x) {
        double largest = Math.max(Math.abs(tanhLow(x)), Math.abs(tanhHigh(x)));
        return Math.max(0, addLow(1, -Math.nextUp(largest * largest)));
    }

    /** A lower bound of {@code e^x}; {@code Double.MAX_VALUE} where {@code e^x} overflows, which is below it. */
    static double expLow(double x) {
        double y = Math.exp(x);
        return y == Double.POSITIVE_INFINITY ? Double.MAX_VALUE : Math.max(0, Math.nextDown(y - slack(y)));
    }

    /** An upper bound of {@code e^x}; infinite where it overflows, which is above it. */
    static double expHigh(double x) {
        double y = Math.exp(x);
        return y == Double.POSITIVE_INFINITY ? y : Math.nextUp(y + slack(y));
    }

    /** How far the exact value may lie from {@code y}, a library result within 2.5 ulps of it. */
    private static double slack(double y) {
        return 0x1p-50 * Math.abs(y) + Double.MIN_NORMAL;
    }
}
