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
 *   <li>{@link StrictMath#exp} and {@link StrictMath#tanh} (fdlibm) meet {@link Math}'s
 *       specification: within 1 and 2.5 ulps of the exact result. An ulp of a value {@code y} is at
 *       most {@code 2^-52 |y|} (normal) or {@code 2^-1074} (subnormal), so the exact value lies
 *       within {@code 2^-50 |y| + 2^-1022} of the computed {@code y}: 2.5 ulps is 0.625 of the first
 *       term, which leaves room for the rounding of the slack itself. StrictMath rather than Math so
 *       that the check gives the same answer on every JVM and CPU.
 * </ul>
 */
final class Outward {

    private Outward() {}

    static double addLow(double x, double y) {
        return Math.nextDown(x + y);
    }

    static double addHigh(double x, double y) {
        return Math.nextUp(x + y);
    }

    /** The lower bound of {@code w · x} for {@code x} in {@code [low, high]}. */
    static double scaleLow(double w, double low, double high) {
        return Math.nextDown(w >= 0 ? w * low : w * high);
    }

    /** The upper bound of {@code w · x} for {@code x} in {@code [low, high]}. */
    static double scaleHigh(double w, double low, double high) {
        return Math.nextUp(w >= 0 ? w * high : w * low);
    }

    /** The lower bound of {@code x · y} over {@code x ∈ [xl, xh]}, {@code y ∈ [yl, yh]}: the smallest corner. */
    static double productLow(double xl, double xh, double yl, double yh) {
        return Math.nextDown(Math.min(Math.min(xl * yl, xl * yh), Math.min(xh * yl, xh * yh)));
    }

    /** The upper bound of {@code x · y} over the same intervals: the largest corner. */
    static double productHigh(double xl, double xh, double yl, double yh) {
        return Math.nextUp(Math.max(Math.max(xl * yl, xl * yh), Math.max(xh * yl, xh * yh)));
    }

    /** A lower bound of {@code tanh(x)}. */
    static double tanhLow(double x) {
        double y = StrictMath.tanh(x);
        return Math.max(-1, Math.nextDown(y - slack(y)));
    }

    /** An upper bound of {@code tanh(x)}. */
    static double tanhHigh(double x) {
        double y = StrictMath.tanh(x);
        return Math.min(1, Math.nextUp(y + slack(y)));
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

    /** A lower bound of {@code e^x}; {@code Double.MAX_VALUE} where {@code e^x} overflows, which is below it. */
    static double expLow(double x) {
        double y = StrictMath.exp(x);
        return y == Double.POSITIVE_INFINITY ? Double.MAX_VALUE : Math.max(0, Math.nextDown(y - slack(y)));
    }

    /** An upper bound of {@code e^x}; infinite where it overflows, which is above it. */
    static double expHigh(double x) {
        double y = StrictMath.exp(x);
        return y == Double.POSITIVE_INFINITY ? y : Math.nextUp(y + slack(y));
    }

    /** How far the exact value may lie from {@code y}, a library result within 2.5 ulps of it. */
    private static double slack(double y) {
        return 0x1p-50 * Math.abs(y) + Double.MIN_NORMAL;
    }
}
