package io.neuraladder.train.certify;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The search's affine forms, {@code {c + G u + d : |u_j| ≤ 1, |d_i| ≤ e_i}}, in plain double
 * arithmetic: the same operations as the runtime kernel's, which checks the result with every
 * rounding bounded. They share no code, so that a bug here cannot hide in the check; where this
 * one is too optimistic, the kernel refuses the cover. New error bands take fresh symbols, so
 * forms from one source share only the symbols they truly share.
 */
final class AffineImage {

    /** The next free symbol of one step's computation. */
    static final class Symbols {
        private int next;

        Symbols(int first) {
            next = first;
        }

        int take(int count) {
            int first = next;
            next += count;
            return first;
        }
    }

    final double[] center;
    /** {@code [row][symbol]}; a row may be shorter than another, its missing symbols zero. */
    final double[][] generators;
    final double[] error;

    AffineImage(double[] center, double[][] generators, double[] error) {
        this.center = center;
        this.generators = generators;
        this.error = error;
    }

    static AffineImage point(double[] x) {
        return new AffineImage(x.clone(), new double[x.length][0], new double[x.length]);
    }

    static AffineImage parallelotope(float[] center, float[][] shape) {
        int n = center.length;
        double[] c = new double[n];
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i] = center[i];
            for (int j = 0; j < n; j++) {
                g[i][j] = shape[i][j];
            }
        }
        return new AffineImage(c, g, new double[n]);
    }

    int rows() {
        return center.length;
    }

    int width() {
        return Arrays.stream(generators).mapToInt(row -> row.length).max().orElse(0);
    }

    double generator(int row, int symbol) {
        return symbol < generators[row].length ? generators[row][symbol] : 0;
    }

    double radius(int row) {
        double sum = error[row];
        for (double g : generators[row]) {
            sum += Math.abs(g);
        }
        return sum;
    }

    AffineImage rows(int from, int to) {
        return new AffineImage(Arrays.copyOfRange(center, from, to), Arrays.copyOfRange(generators, from, to),
                Arrays.copyOfRange(error, from, to));
    }

    AffineImage stack(AffineImage below) {
        int n = rows();
        double[] c = Arrays.copyOf(center, n + below.rows());
        double[][] g = Arrays.copyOf(generators, n + below.rows());
        double[] e = Arrays.copyOf(error, n + below.rows());
        System.arraycopy(below.center, 0, c, n, below.rows());
        System.arraycopy(below.generators, 0, g, n, below.rows());
        System.arraycopy(below.error, 0, e, n, below.rows());
        return new AffineImage(c, g, e);
    }

    /** {@code M x + k} over matrix rows {@code [first, first + count)}. */
    AffineImage linear(double[][] matrix, int first, int count, double[] constant) {
        int n = rows();
        int width = width();
        double[] c = new double[count];
        double[][] g = new double[count][width];
        double[] e = new double[count];
        for (int r = 0; r < count; r++) {
            double[] m = matrix[first + r];
            c[r] = constant[r];
            for (int k = 0; k < n; k++) {
                c[r] += m[k] * center[k];
                e[r] += Math.abs(m[k]) * error[k];
                double[] source = generators[k];
                for (int j = 0; j < source.length; j++) {
                    g[r][j] += m[k] * source[j];
                }
            }
        }
        return new AffineImage(c, g, e);
    }

    AffineImage shifted(double[] constant) {
        double[] c = center.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += constant[i];
        }
        return new AffineImage(c, generators, error);
    }

    /** σ or tanh by the min-range line: the smaller end slope, and a band on a fresh symbol. */
    AffineImage activated(DoubleUnaryOperator f, DoubleUnaryOperator slope, Symbols symbols) {
        int n = rows();
        int band = symbols.take(n);
        double[] c = new double[n];
        double[][] g = new double[n][band + n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double radius = radius(i);
            double lo = center[i] - radius;
            double hi = center[i] + radius;
            double alpha = Math.min(slope.applyAsDouble(lo), slope.applyAsDouble(hi));
            double gLow = f.applyAsDouble(lo) - alpha * lo;
            double gHigh = f.applyAsDouble(hi) - alpha * hi;
            c[i] = alpha * center[i] + (gLow + gHigh) / 2;
            for (int j = 0; j < generators[i].length; j++) {
                g[i][j] = alpha * generators[i][j];
            }
            e[i] = alpha * error[i];
            g[i][band + i] = (gHigh - gLow) / 2;
        }
        return new AffineImage(c, g, e);
    }

    AffineImage times(AffineImage y, Symbols symbols) {
        int n = rows();
        int width = Math.max(width(), y.width());
        int band = symbols.take(n);
        double[] c = new double[n];
        double[][] g = new double[n][band + n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = center[i] * y.center[i];
            double rx = 0;
            double ry = 0;
            for (int j = 0; j < width; j++) {
                g[i][j] = center[i] * y.generator(i, j) + y.center[i] * generator(i, j);
                rx += Math.abs(generator(i, j));
                ry += Math.abs(y.generator(i, j));
            }
            e[i] = Math.abs(center[i]) * y.error[i] + Math.abs(y.center[i]) * error[i];
            g[i][band + i] = (rx + error[i]) * (ry + y.error[i]);
        }
        return new AffineImage(c, g, e);
    }

    AffineImage plus(AffineImage y, int sign) {
        int n = rows();
        int width = Math.max(width(), y.width());
        double[] c = new double[n];
        double[][] g = new double[n][width];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = center[i] + sign * y.center[i];
            for (int j = 0; j < width; j++) {
                g[i][j] = generator(i, j) + sign * y.generator(i, j);
            }
            e[i] = error[i] + y.error[i];
        }
        return new AffineImage(c, g, e);
    }

    AffineImage grown(double margin) {
        double[] e = error.clone();
        for (int i = 0; i < e.length; i++) {
            e[i] += margin;
        }
        return new AffineImage(center, generators, e);
    }

    /** The first {@code keep} symbols kept; the rest and the error folded into one new symbol per row. */
    AffineImage condensed(int keep) {
        int n = rows();
        double[][] g = new double[n][keep + n];
        for (int i = 0; i < n; i++) {
            double[] source = generators[i];
            System.arraycopy(source, 0, g[i], 0, Math.min(keep, source.length));
            double folded = error[i];
            for (int j = keep; j < source.length; j++) {
                folded += Math.abs(source[j]);
            }
            g[i][keep + i] = folded;
        }
        return new AffineImage(center, g, new double[n]);
    }
}
