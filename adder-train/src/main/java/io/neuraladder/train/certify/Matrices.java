package io.neuraladder.train.certify;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The little dense linear algebra the piece search needs, for matrices of at most a few dozen rows. */
final class Matrices {

    private Matrices() {}

    static double[][] identity(int n) {
        double[][] identity = new double[n][n];
        for (int i = 0; i < n; i++) {
            identity[i][i] = 1;
        }
        return identity;
    }

    /** The inverse by Gauss–Jordan elimination with partial pivoting; zeros where a pivot vanishes. */
    static double[][] inverse(float[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = matrix[i][j];
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

    /**
     * Orthonormal axes ({@code axes[i][k]}: component i of axis k) from the first {@code n} columns
     * of {@code generators} ({@code [row][column]}), longest column first, by Gram–Schmidt twice;
     * where the columns span fewer than {@code n} directions, coordinate directions complete them.
     */
    static double[][] orthonormalAxes(double[][] generators, int n) {
        double[][] columns = new double[2 * n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                columns[j][i] = j < generators[i].length ? generators[i][j] : 0;
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(j -> -norm(columns[j])))
                .toArray(Integer[]::new);
        for (int k = 0; k < n; k++) {
            columns[n + k][k] = 1;
        }
        double scale = Math.max(norm(columns[order[0]]), Double.MIN_NORMAL);
        double[][] axes = new double[n][n];
        int found = 0;
        for (int candidate = 0; candidate < 2 * n && found < n; candidate++) {
            double[] v = (candidate < n ? columns[order[candidate]] : columns[candidate]).clone();
            double before = candidate < n ? scale : 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < found; k++) {
                    double projection = 0;
                    for (int i = 0; i < n; i++) {
                        projection += axes[i][k] * v[i];
                    }
                    for (int i = 0; i < n; i++) {
                        v[i] -= projection * axes[i][k];
                    }
                }
            }
            double length = norm(v);
            if (length > 1e-9 * before) {
                for (int i = 0; i < n; i++) {
                    axes[i][found] = v[i] / length;
                }
                found++;
            }
        }
        return axes;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
