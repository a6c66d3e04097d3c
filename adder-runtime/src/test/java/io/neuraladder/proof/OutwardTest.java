package io.neuraladder.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The kernel's interval arithmetic against exact arithmetic: every bound {@link Outward} returns
 * is checked against the real value computed with {@link BigDecimal} at 100 significant digits,
 * on random points, extremes and subnormals; and bounds weakened on purpose are caught.
 */
class OutwardTest {

    private static final MathContext EXACT = new MathContext(100, RoundingMode.HALF_EVEN);
    private static final BigDecimal E = expSeries(BigDecimal.ONE);
    private static final long SEED = Long.getLong("outward.seed", 0x0A7_3A2DL);

    private static final List<Double> POINTS = points();

    @Test
    void expBounds_encloseTheExactExponential() {
        assertEnclosed("exp", Outward::expLow, Outward::expHigh, OutwardTest::exp, 745);
    }

    @Test
    void sigmoidBounds_encloseTheExactLogistic() {
        assertEnclosed("sigma", Outward::sigmoidLow, Outward::sigmoidHigh,
                x -> BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate())), EXACT), 745);
    }

    @Test
    void tanhBounds_encloseTheExactHyperbolicTangent() {
        BigDecimal two = BigDecimal.valueOf(2);
        assertEnclosed("tanh", Outward::tanhLow, Outward::tanhHigh,
                x -> BigDecimal.ONE.subtract(two.divide(exp(x.multiply(two)).add(BigDecimal.ONE), EXACT)), 372);
    }

    @Test
    void sumAndProductBounds_encloseTheExactResults() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int n = 0; n < 20_000; n++) {
            double[] x = {pick(random), pick(random)};
            double[] y = {pick(random), pick(random)};
            Arrays.sort(x);
            Arrays.sort(y);
            BigDecimal sum = new BigDecimal(x[0]).add(new BigDecimal(y[0]));
            assertBetween("add " + x[0] + " + " + y[0], Outward.addLow(x[0], y[0]), sum, Outward.addHigh(x[0], y[0]));
            BigDecimal low = null;
            BigDecimal high = null;
            for (double a : x) {
                for (double b : y) {
                    BigDecimal product = new BigDecimal(a).multiply(new BigDecimal(b));
                    low = low == null || product.compareTo(low) < 0 ? product : low;
                    high = high == null || product.compareTo(high) > 0 ? product : high;
                }
            }
            String what = "[" + x[0] + ", " + x[1] + "] x [" + y[0] + ", " + y[1] + "]";
            assertTrue(new BigDecimal(Outward.productLow(x[0], x[1], y[0], y[1])).compareTo(low) <= 0, what);
            assertTrue(new BigDecimal(Outward.productHigh(x[0], x[1], y[0], y[1])).compareTo(high) >= 0, what);
        }
    }

    @Test
    void dotProductError_boundsTheRoundingOfLeftToRightSums_evenUnderCancellation() {
        assertEquals(Optional.empty(), dotProductCounterexample(Outward::dotProductError));
    }

    @Test
    void weakenedBounds_areCaught() {
        assertTrue(firstEscape(Math::exp, x -> Double.POSITIVE_INFINITY, OutwardTest::exp, 700).isPresent(),
                "Math.exp itself as a lower bound of e^x: rounded to nearest, it lies above the exact value at "
                        + "about half of the points");
        assertTrue(firstEscape(x -> Outward.tanhLow(x), x -> Math.nextDown(Math.tanh(x)), x -> BigDecimal.ONE
                .subtract(BigDecimal.valueOf(2).divide(exp(x.multiply(BigDecimal.valueOf(2))).add(BigDecimal.ONE),
                        EXACT)), 20).isPresent(), "one ulp below the library tanh is not an upper bound");
        assertTrue(dotProductCounterexample((n, magnitude) -> 0x1p-53 * magnitude).isPresent(),
                "a dot-product bound of one rounding in total is caught");
    }

    private interface ErrorBound {
        double of(int n, double magnitude);
    }

    /** The first dot product whose left-to-right double sum lies farther from the exact one than {@code bound} allows. */
    private static Optional<String> dotProductCounterexample(ErrorBound bound) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int trial = 0; trial < 3_000; trial++) {
            int n = 1 + random.nextInt(64);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = pick(random);
                y[k] = trial % 3 == 0 && k % 2 == 1 ? -x[k - 1] * y[k - 1] / (x[k] == 0 ? 1 : x[k]) : pick(random);
                if (!Double.isFinite(y[k])) {
                    y[k] = pick(random);
                }
            }
            double computed = 0;
            double magnitude = 0;
            BigDecimal exact = BigDecimal.ZERO;
            for (int k = 0; k < n; k++) {
                computed += x[k] * y[k];
                magnitude += Math.abs(x[k] * y[k]);
                exact = exact.add(new BigDecimal(x[k]).multiply(new BigDecimal(y[k])));
            }
            if (!Double.isFinite(computed) || !Double.isFinite(magnitude)) {
                continue;
            }
            BigDecimal error = new BigDecimal(computed).subtract(exact).abs();
            if (error.compareTo(new BigDecimal(bound.of(n, magnitude))) > 0) {
                return Optional.of("n " + n + ": error " + error.round(new MathContext(4)) + " > bound "
                        + bound.of(n, magnitude));
            }
        }
        return Optional.empty();
    }

    private static void assertEnclosed(String name, DoubleUnaryOperator low, DoubleUnaryOperator high,
            UnaryOperator<BigDecimal> exact, double range) {
        Optional<String> escape = firstEscape(low, high, exact, range);
        assertTrue(escape.isEmpty(), name + ": " + escape.orElse("") + " (seed " + SEED + ", -Doutward.seed to replay)");
    }

    /** The first point, among those within {@code range}, where {@code [low, high]} misses the exact value. */
    private static Optional<String> firstEscape(DoubleUnaryOperator low, DoubleUnaryOperator high,
            UnaryOperator<BigDecimal> exact, double range) {
        for (double x : POINTS) {
            if (Math.abs(x) > range) {
                continue;
            }
            BigDecimal value = exact.apply(new BigDecimal(x));
            double l = low.applyAsDouble(x);
            double h = high.applyAsDouble(x);
            if (new BigDecimal(l).compareTo(value) > 0 || (h != Double.POSITIVE_INFINITY
                    && new BigDecimal(h).compareTo(value) < 0)) {
                return Optional.of("at x = " + x + " the bounds [" + l + ", " + h + "] miss "
                        + value.round(new MathContext(25)));
            }
        }
        return Optional.empty();
    }

    private static void assertBetween(String what, double low, BigDecimal exact, double high) {
        assertTrue(new BigDecimal(low).compareTo(exact) <= 0 && new BigDecimal(high).compareTo(exact) >= 0,
                what + ": [" + low + ", " + high + "] misses " + exact);
    }

    /** Edge points (zeros, subnormals, the ends of exp's range), then seeded random ones at every scale. */
    private static List<Double> points() {
        List<Double> points = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e-300, -1e-300, 1e-17, -1e-17, 0.5, -0.5, 1.0, -1.0, 18.0, -18.0,
                19.06, -19.06, 36.7, -36.7, 354.0, -354.0, 372.0, -372.0, 700.0, -700.0, 709.78, -709.78, 744.0,
                -744.0, -745.0, 745.0));
        SplittableRandom random = new SplittableRandom(SEED);
        for (int n = 0; n < 2_000; n++) {
            points.add(n % 2 == 0 ? (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-8, 3))
                    : random.nextDouble(-745, 745));
        }
        return points;
    }

    /** A double from about 1e-20 to 1e6 in magnitude, of either sign, or a subnormal or zero now and then. */
    private static double pick(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> (random.nextBoolean() ? 1 : -1) * Double.MIN_VALUE * random.nextInt(1, 1_000);
            default -> (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-20, 7));
        };
    }

    /** {@code e^x} to 100 significant digits: {@code e^n · e^f} with {@code n} whole and {@code |f| < 1}. */
    private static BigDecimal exp(BigDecimal x) {
        BigDecimal whole = x.setScale(0, RoundingMode.DOWN);
        BigDecimal fraction = x.subtract(whole);
        int n = whole.intValueExact();
        BigDecimal power = n >= 0 ? E.pow(n, EXACT) : BigDecimal.ONE.divide(E.pow(-n, EXACT), EXACT);
        return power.multiply(expSeries(fraction), EXACT);
    }

    /** Taylor's series of {@code e^x} for {@code |x| ≤ 1}, to well beyond 100 digits. */
    private static BigDecimal expSeries(BigDecimal x) {
        MathContext wide = new MathContext(120);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 120; k++) {
            term = term.multiply(x, wide).divide(BigDecimal.valueOf(k), wide);
            sum = sum.add(term, wide);
        }
        return sum;
    }
}
