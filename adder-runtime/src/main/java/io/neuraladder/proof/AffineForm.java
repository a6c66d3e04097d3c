package io.neuraladder.proof;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A set of states as an affine form: {@code {c + G u + d : |u_j| ≤ 1, |d_i| ≤ e_i}}, with center
 * {@code c}, one generator column per noise symbol {@code u_j}, and a per-component error
 * {@code e}. Forms that come from one source share its symbols by column index, so their
 * correlations survive sums and products; each new error band takes a fresh symbol
 * ({@link Symbols}), so bands of different nonlinearities are never mistaken for one another.
 *
 * <p>Every operation encloses the exact real result of its operation on every point of its
 * operands, rounding included: each computed entry is a dot product of at most a few terms whose
 * rounding error is bounded by {@link Outward#dotProductError} and added to {@code e}, sums of
 * bounds are rounded up, and {@code σ} and {@code tanh} go through a rigorous min-range line
 * ({@link #activated}). Immutable: no operation changes its operands.
 */
final class AffineForm {

    /** The next free noise symbol of one computation: every band takes columns from here. */
    static final class Symbols {
        private int next;

        Symbols(int first) {
            this.next = first;
        }

        private int take(int count) {
            int first = next;
            next += count;
            return first;
        }
    }

    private final double[] center;
    /** {@code [row][symbol]}; columns past a row's array length are zero. */
    private final double[][] generators;
    private final double[] error;

    private AffineForm(double[] center, double[][] generators, double[] error) {
        this.center = center;
        this.generators = generators;
        this.error = error;
    }

    /** The single point {@code x}. */
    static AffineForm point(double[] x) {
        return new AffineForm(x.clone(), new double[x.length][0], new double[x.length]);
    }

    /** The parallelotope {@code {p + G u}}, its symbols the first {@code n} columns; floats are exact doubles. */
    static AffineForm parallelotope(float[] p, float[][] shape) {
        int n = p.length;
        double[] center = new double[n];
        double[][] generators = new double[n][n];
        for (int i = 0; i < n; i++) {
            center[i] = p[i];
            for (int j = 0; j < n; j++) {
                generators[i][j] = shape[i][j];
            }
        }
        return new AffineForm(center, generators, new double[n]);
    }

    int rows() {
        return center.length;
    }

    double center(int row) {
        return center[row];
    }

    double error(int row) {
        return error[row];
    }

    /** The generators of {@code row}, one per symbol up to its length (zero past it). Not to be changed. */
    double[] generatorRow(int row) {
        return generators[row];
    }

    /** The generator of {@code symbol} in {@code row}; zero past the row's columns. */
    double generator(int row, int symbol) {
        return symbol < generators[row].length ? generators[row][symbol] : 0;
    }

    /** The number of symbol columns this form may use. */
    int width() {
        int width = 0;
        for (double[] row : generators) {
            width = Math.max(width, row.length);
        }
        return width;
    }

    /** Rows {@code [from, to)}, sharing this form's symbols. */
    AffineForm rows(int from, int to) {
        return new AffineForm(Arrays.copyOfRange(center, from, to), Arrays.copyOfRange(generators, from, to),
                Arrays.copyOfRange(error, from, to));
    }

    /** This form's rows, then {@code below}'s. */
    AffineForm stack(AffineForm below) {
        double[] c = Arrays.copyOf(center, rows() + below.rows());
        System.arraycopy(below.center, 0, c, rows(), below.rows());
        double[][] g = Arrays.copyOf(generators, rows() + below.rows());
        System.arraycopy(below.generators, 0, g, rows(), below.rows());
        double[] e = Arrays.copyOf(error, rows() + below.rows());
        System.arraycopy(below.error, 0, e, rows(), below.rows());
        return new AffineForm(c, g, e);
    }

    /**
     * {@code M x + k} for the matrix rows {@code matrix[first .. first + count)} (each as long as
     * this form) and constants known to lie in {@code [kLow[r], kHigh[r]]} for result row {@code r}.
     * The constant's midpoint joins the center's dot product, its radius the error; the error of
     * each dot product and the image {@code Σ|M_rk| e_k} of the error box are added to the error.
     */
    AffineForm linear(double[][] matrix, int first, int count, double[] kLow, double[] kHigh) {
        int n = rows();
        int width = width();
        double[] c = new double[count];
        double[][] g = new double[count][width];
        double[] e = new double[count];
        for (int r = 0; r < count; r++) {
            double[] m = matrix[first + r];
            double mid = kLow[r] + 0.5 * (kHigh[r] - kLow[r]);
            double bound = Math.max(Outward.addHigh(kHigh[r], -mid), Outward.addHigh(mid, -kLow[r]));
            double value = mid;
            double magnitude = Math.abs(mid);
            double propagated = 0;
            for (int k = 0; k < n; k++) {
                double term = m[k] * center[k];
                value += term;
                magnitude += Math.abs(term);
                propagated += Math.abs(m[k]) * error[k];
            }
            c[r] = value;
            bound = Outward.addHigh(bound, Outward.dotProductError(n + 1, magnitude));
            bound = Outward.addHigh(bound, Outward.addHigh(propagated, Outward.dotProductError(n, propagated)));
            double[] row = g[r];
            double magnitudes = 0;
            for (int k = 0; k < n; k++) {
                double weight = m[k];
                double[] source = generators[k];
                for (int j = 0; j < source.length; j++) {
                    double term = weight * source[j];
                    row[j] += term;
                    magnitudes += Math.abs(term);
                }
            }
            // Each column's error is at most γ_n times its terms' magnitudes; one bound over all
            // n · width terms covers their sum, and the rounding of that sum too.
            e[r] = Outward.addHigh(bound, Outward.dotProductError(n * width, magnitudes));
        }
        return new AffineForm(c, g, e);
    }

    /** {@code x + k} with {@code k} in {@code [kLow[r], kHigh[r]]} per row, {@code k} independent of the symbols. */
    AffineForm shifted(double[] kLow, double[] kHigh) {
        int n = rows();
        double[] c = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double mid = kLow[i] + 0.5 * (kHigh[i] - kLow[i]);
            double bound = Math.max(Outward.addHigh(kHigh[i], -mid), Outward.addHigh(mid, -kLow[i]));
            c[i] = center[i] + mid;
            bound = Outward.addHigh(bound, Outward.dotProductError(2, Math.abs(center[i]) + Math.abs(mid)));
            e[i] = Outward.addHigh(error[i], bound);
        }
        return new AffineForm(c, generators, e);
    }

    /** An increasing function with a unimodal slope (σ or tanh), its bounds and a lower bound of its slope. */
    record Activation(DoubleUnaryOperator low, DoubleUnaryOperator high, DoubleUnaryOperator slopeLow) {}

    static final Activation SIGMOID = new Activation(Outward::sigmoidLow, Outward::sigmoidHigh,
            Outward::sigmoidSlopeLow);
    static final Activation TANH = new Activation(Outward::tanhLow, Outward::tanhHigh, Outward::tanhSlopeLow);

    /**
     * {@code f} of each component, by the min-range line. Over the component's range
     * {@code [lo, hi]}, f's slope is least at an end (it rises to 0 and falls after), so
     * {@code α}, the smaller of the proven lower bounds of the slope at the two ends, is at most
     * {@code f'} throughout, and {@code g(x) = f(x) − αx} is non-decreasing there: {@code g} lies in
     * {@code [g(lo), g(hi)]}, bounded below at {@code lo} and above at {@code hi}. So
     * {@code f(x) = α x + mid + β v} with {@code |v| ≤ 1}, the band {@code β} on a fresh symbol.
     */
    AffineForm activated(Activation f, Symbols symbols) {
        int n = rows();
        int width = width();
        int band = symbols.take(n);
        double[] c = new double[n];
        double[][] g = new double[n][band + n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double radius = Outward.addHigh(radius(i), error[i]);
            double lo = Outward.addLow(center[i], -radius);
            double hi = Outward.addHigh(center[i], radius);
            double slope = Math.max(0, Math.min(f.slopeLow().applyAsDouble(lo), f.slopeLow().applyAsDouble(hi)));
            double gLow = Outward.addLow(f.low().applyAsDouble(lo), -Math.nextUp(slope * lo));
            double gHigh = Outward.addHigh(f.high().applyAsDouble(hi), -Math.nextDown(slope * hi));
            double mid = gLow + 0.5 * (gHigh - gLow);
            double beta = Math.max(Outward.addHigh(gHigh, -mid), Outward.addHigh(mid, -gLow));
            double scaled = slope * center[i];
            c[i] = scaled + mid;
            double bound = Outward.dotProductError(2, Math.abs(scaled) + Math.abs(mid));
            double magnitude = 0;
            double[] source = generators[i];
            for (int j = 0; j < Math.min(source.length, width); j++) {
                g[i][j] = slope * source[j];
                magnitude += Math.abs(g[i][j]);
            }
            bound = Outward.addHigh(bound, Outward.dotProductError(source.length, magnitude));
            e[i] = Outward.addHigh(Math.nextUp(slope * error[i]), bound);
            g[i][band + i] = beta;
        }
        return new AffineForm(c, g, e);
    }

    /**
     * The componentwise product with {@code y}: with {@code x = cx + Gx u + dx} and likewise y,
     * {@code xy = cx cy + (cx Gy + cy Gx) u + cx dy + cy dx + (Gx u + dx)(Gy u + dy)}; the
     * last term is at most {@code (rx + ex)(ry + ey)} ({@code r} the generators' absolute sum), a
     * band on a fresh symbol, and {@code |cx| ey + |cy| ex} joins the error.
     */
    AffineForm times(AffineForm y, Symbols symbols) {
        int n = rows();
        int width = Math.max(width(), y.width());
        int band = symbols.take(n);
        double[] c = new double[n];
        double[][] g = new double[n][band + n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double cx = center[i];
            double cy = y.center[i];
            c[i] = cx * cy;
            double bound = Outward.dotProductError(1, Math.abs(c[i]));
            double magnitude = 0;
            for (int j = 0; j < width; j++) {
                double left = cx * y.generator(i, j);
                double right = cy * generator(i, j);
                g[i][j] = left + right;
                magnitude += Math.abs(left) + Math.abs(right);
            }
            bound = Outward.addHigh(bound, Outward.dotProductError(2 * width, magnitude));
            double crossed = Outward.addHigh(Math.nextUp(Math.abs(cx) * y.error[i]),
                    Math.nextUp(Math.abs(cy) * error[i]));
            e[i] = Outward.addHigh(crossed, bound);
            g[i][band + i] = Math.nextUp(Outward.addHigh(radius(i), error[i]) * Outward.addHigh(y.radius(i),
                    y.error[i]));
        }
        return new AffineForm(c, g, e);
    }

    /** {@code x + sign · y}, componentwise, for {@code sign} ±1. */
    AffineForm plus(AffineForm y, int sign) {
        int n = rows();
        int width = Math.max(width(), y.width());
        double[] c = new double[n];
        double[][] g = new double[n][width];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = center[i] + sign * y.center[i];
            double bound = Outward.dotProductError(2, Math.abs(center[i]) + Math.abs(y.center[i]));
            double magnitude = 0;
            for (int j = 0; j < width; j++) {
                double a = generator(i, j);
                double b = sign * y.generator(i, j);
                g[i][j] = a + b;
                magnitude += Math.abs(a) + Math.abs(b);
            }
            bound = Outward.addHigh(bound, Outward.dotProductError(2 * width, magnitude));
            e[i] = Outward.addHigh(Outward.addHigh(error[i], y.error[i]), bound);
        }
        return new AffineForm(c, g, e);
    }

    /** This form with {@code margin} more error in every component. */
    AffineForm grown(double margin) {
        double[] e = new double[rows()];
        for (int i = 0; i < e.length; i++) {
            e[i] = Outward.addHigh(error[i], margin);
        }
        return new AffineForm(center, generators, e);
    }

    /**
     * The first {@code keep} symbols kept, every other symbol and the error folded into one fresh
     * symbol per component ({@code keep + i}): an enclosure, since the folded terms of a component
     * are at most the sum of their magnitudes. Only for a form that is used alone afterwards.
     */
    AffineForm condensed(int keep) {
        int n = rows();
        double[][] g = new double[n][keep + n];
        for (int i = 0; i < n; i++) {
            double[] source = generators[i];
            System.arraycopy(source, 0, g[i], 0, Math.min(keep, source.length));
            double folded = error[i];
            for (int j = keep; j < source.length; j++) {
                folded = Outward.addHigh(folded, Math.abs(source[j]));
            }
            g[i][keep + i] = folded;
        }
        return new AffineForm(center, g, new double[n]);
    }

    /** An upper bound of {@code Σ_j |G_ij|} for component {@code i}. */
    double radius(int i) {
        double sum = 0;
        for (double value : generators[i]) {
            sum += Math.abs(value);
        }
        return Outward.addHigh(sum, Outward.dotProductError(generators[i].length, sum));
    }
}
