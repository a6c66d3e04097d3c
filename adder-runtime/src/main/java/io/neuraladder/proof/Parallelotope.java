package io.neuraladder.proof;

import java.util.Arrays;

/**
 * A piece {@code P = {p + G u : |u|∞ ≤ 1}} and a proven test of whether an {@link AffineForm}
 * lies inside it, through an approximate inverse {@code T} of {@code G} that the kernel computes
 * and need not trust.
 *
 * <p>With {@code M = T G} and {@code ε ≥ ‖I − M‖∞} (bounded here with rounding), {@code ε < 1}
 * makes {@code M}, so {@code G}, invertible with {@code ‖M⁻¹‖∞ ≤ 1 / (1 − ε)}. For a state
 * {@code x}, {@code y = T(x − p) = M u} where {@code u = G⁻¹(x − p)}, so {@code ‖u‖∞ ≤ ‖y‖∞ / (1 − ε)}:
 * if every state of the form has {@code ‖T(x − p)‖∞ ≤ 1 − ε}, every state lies in {@code P}.
 */
final class Parallelotope {

    private final double[] center;
    private final double[][] inverse;
    /** An upper bound of {@code ‖I − T G‖∞}; 1 or more when {@code G} could not be inverted. */
    private final double inverseError;

    Parallelotope(float[] center, float[][] shape) {
        int n = center.length;
        this.center = new double[n];
        for (int i = 0; i < n; i++) {
            this.center[i] = center[i];
        }
        this.inverse = approximateInverse(shape);
        this.inverseError = inverseError(inverse, shape);
    }

    /** Whether the shape is proven invertible: {@code ‖I − T G‖∞ < 1}. */
    boolean invertible() {
        return inverseError < 1;
    }

    double inverseError() {
        return inverseError;
    }

    /**
     * How far inside the piece every state of {@code form} lies: {@code (1 − ε)} less an upper
     * bound of {@code ‖T(x − p)‖∞} over the form, rounded down. Positive only when the form lies in
     * the piece; NaN (never positive) when a bound is not finite.
     */
    double slack(AffineForm form) {
        int n = center.length;
        int width = form.width();
        double[] difference = new double[n];
        double[] error = new double[n];
        for (int k = 0; k < n; k++) {
            difference[k] = form.center(k) - center[k];
            // The exact difference lies within half an ulp of the computed one.
            error[k] = Outward.addHigh(form.error(k), Math.ulp(difference[k]));
        }
        double worst = 0;
        double[] column = new double[width];
        for (int i = 0; i < n; i++) {
            double[] t = inverse[i];
            double value = 0;
            double valueMagnitude = 0;
            double propagated = 0;
            double magnitude = 0;
            Arrays.fill(column, 0);
            for (int k = 0; k < n; k++) {
                double term = t[k] * difference[k];
                value += term;
                valueMagnitude += Math.abs(term);
                propagated += Math.abs(t[k]) * error[k];
                double[] generators = form.generatorRow(k);
                for (int j = 0; j < generators.length; j++) {
                    double g = t[k] * generators[j];
                    column[j] += g;
                    magnitude += Math.abs(g);
                }
            }
            double bound = Outward.addHigh(Math.abs(value), Outward.dotProductError(n, valueMagnitude));
            bound = Outward.addHigh(bound, Outward.addHigh(propagated, Outward.dotProductError(n, propagated)));
            double columns = 0;
            for (int j = 0; j < width; j++) {
                columns += Math.abs(column[j]);
            }
            // Σ_j |column_j| summed in double (width terms), and every column's dot-product error at once.
            bound = Outward.addHigh(bound, Outward.addHigh(columns, Outward.dotProductError(width, columns)));
            bound = Outward.addHigh(bound, Outward.dotProductError(n * width, magnitude));
            if (!(bound <= Double.MAX_VALUE)) {
                return Double.NaN;
            }
            worst = Math.max(worst, bound);
        }
        return Outward.addLow(Outward.addLow(1, -inverseError), -worst);
    }

    /** {@code max_i Σ_k |δ_ik − Σ_l T_il G_lk|}, each entry a dot product widened by its error bound, rounded up. */
    private static double inverseError(double[][] inverse, float[][] shape) {
        int n = shape.length;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int k = 0; k < n; k++) {
                double value = i == k ? 1 : 0;
                double magnitude = Math.abs(value);
                for (int l = 0; l < n; l++) {
                    double term = inverse[i][l] * shape[l][k];
                    value -= term;
                    magnitude += Math.abs(term);
                }
                row = Outward.addHigh(row, Outward.addHigh(Math.abs(value), Outward.dotProductError(n + 1, magnitude)));
            }
            if (!(row <= Double.MAX_VALUE)) {
                return Double.POSITIVE_INFINITY;
            }
            worst = Math.max(worst, row);
        }
        return worst;
    }

    /** Gauss–Jordan elimination with partial pivoting; zeros where a pivot vanishes (then ε ≥ 1). */
    private static double[][] approximateInverse(float[][] shape) {
        int n = shape.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = shape[i][j];
            }
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (a[pivot][col] == 0) {
                return new double[n][n];
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double scale = 1 / a[col][col];
            for (int j = 0; j < 2 * n; j++) {
                a[col][j] *= scale;
            }
            for (int row = 0; row < n; row++) {
                double factor = a[row][col];
                if (row != col && factor != 0) {
                    for (int j = 0; j < 2 * n; j++) {
                        a[row][j] -= factor * a[col][j];
                    }
                }
            }
        }
        double[][] inverse = new double[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = Arrays.copyOfRange(a[i], n, 2 * n);
        }
        return inverse;
    }
}
