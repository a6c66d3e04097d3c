package io.neuraladder.train.explore;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.certify.CertificateRegions.Region;
import java.util.List;

/**
 * A linear map of cell states onto a plane, chosen so that the certificate's boxes for carry 0
 * and carry 1 fall apart along x; y spreads the boxes' centres as much as a direction orthogonal
 * to x can (their first principal component there).
 *
 * <p>For x, the candidates are the difference of the two classes' mean box centres and every
 * single state component; the one with the widest gap between the classes' projected boxes wins.
 * A box's image under the map is a zonotope; {@link #rectangle} is the smallest rectangle holding it.
 *
 * @param x the unit vector mapped to the horizontal axis
 * @param y the unit vector mapped to the vertical axis (orthogonal to {@code x}; zero for one component)
 * @param xName what the horizontal axis is, for people
 * @param yName what the vertical axis is
 * @param gap the distance along x between the carry-0 and carry-1 rectangles; positive when they are apart
 */
record Projection(double[] x, double[] y, String xName, String yName, double gap) {

    /** The plane for these regions' boxes, whose states have {@code hidden} components of {@code h} first. */
    static Projection of(List<Region> regions, int hidden, Operator operator) {
        int size = regions.get(0).low().length;
        double[][] centres = regions.stream().map(Projection::centre).toArray(double[][]::new);
        double[] difference = new double[size];
        int[] count = new int[2];
        for (Region region : regions) {
            count[region.carryAfter()]++;
        }
        for (int r = 0; r < regions.size(); r++) {
            int carry = regions.get(r).carryAfter();
            double sign = carry == 1 ? 1.0 / Math.max(count[1], 1) : -1.0 / Math.max(count[0], 1);
            for (int j = 0; j < size; j++) {
                difference[j] += sign * centres[r][j];
            }
        }
        double[] bestAxis = unit(difference);
        String state = operator.stateName();
        String bestName = state + " direction (mean box centre of " + state + " 1 minus " + state + " 0)";
        double bestGap = bestAxis == null ? Double.NEGATIVE_INFINITY : gap(regions, bestAxis);
        for (int j = 0; j < size; j++) {
            double[] axis = new double[size];
            axis[j] = 1;
            double gap = gap(regions, axis);
            double flipped = gap(regions, negated(axis));
            if (flipped > gap) {
                axis[j] = -1;
                gap = flipped;
            }
            if (gap > bestGap) {
                bestAxis = axis;
                bestGap = gap;
                bestName = (axis[j] < 0 ? "−" : "") + component(j, hidden);
            }
        }
        double[] spread = principalOrthogonal(centres, bestAxis);
        return new Projection(bestAxis, spread, bestName,
                "spread of the box centres orthogonal to x (their first principal component there)", bestGap);
    }

    /** The state's point in the plane: {@code {x, y}}. */
    double[] point(double[] state) {
        return new double[] {dot(x, state), dot(y, state)};
    }

    /** The smallest rectangle holding the image of a box: {@code {xLow, xHigh, yLow, yHigh}}. */
    double[] rectangle(double[] low, double[] high) {
        double[] xs = range(x, low, high);
        double[] ys = range(y, low, high);
        return new double[] {xs[0], xs[1], ys[0], ys[1]};
    }

    /** Whether the carry-0 and carry-1 rectangles lie on either side of a vertical line. */
    boolean separates() {
        return gap > 0;
    }

    /** The name of state component {@code j}: {@code h[j]}, or {@code c[j - hidden]} for an LSTM's memory. */
    static String component(int j, int hidden) {
        return j < hidden ? "h[" + j + "]" : "c[" + (j - hidden) + "]";
    }

    private static double gap(List<Region> regions, double[] axis) {
        double highestZero = Double.NEGATIVE_INFINITY;
        double lowestOne = Double.POSITIVE_INFINITY;
        for (Region region : regions) {
            double[] range = range(axis, region.low(), region.high());
            if (region.carryAfter() == 0) {
                highestZero = Math.max(highestZero, range[1]);
            } else {
                lowestOne = Math.min(lowestOne, range[0]);
            }
        }
        return lowestOne - highestZero;
    }

    private static double[] range(double[] axis, double[] low, double[] high) {
        double from = 0;
        double to = 0;
        for (int j = 0; j < axis.length; j++) {
            double l = axis[j] * low[j];
            double h = axis[j] * high[j];
            from += Math.min(l, h);
            to += Math.max(l, h);
        }
        return new double[] {from, to};
    }

    /** The first principal component of {@code points} within the space orthogonal to {@code axis}, by power iteration. */
    private static double[] principalOrthogonal(double[][] points, double[] axis) {
        int size = axis.length;
        double[] mean = new double[size];
        for (double[] p : points) {
            for (int j = 0; j < size; j++) {
                mean[j] += p[j] / points.length;
            }
        }
        double[] v = new double[size];
        for (int j = 0; j < size; j++) {
            v[j] = 1 + j * 1e-3;
        }
        for (int iteration = 0; iteration < 100; iteration++) {
            removeComponent(v, axis);
            double[] next = new double[size];
            for (double[] p : points) {
                double projection = 0;
                for (int j = 0; j < size; j++) {
                    projection += (p[j] - mean[j]) * v[j];
                }
                for (int j = 0; j < size; j++) {
                    next[j] += projection * (p[j] - mean[j]);
                }
            }
            removeComponent(next, axis);
            double[] unit = unit(next);
            if (unit == null) {
                break;
            }
            v = unit;
        }
        removeComponent(v, axis);
        double[] unit = unit(v);
        return unit == null ? new double[size] : unit;
    }

    private static void removeComponent(double[] v, double[] axis) {
        double along = dot(v, axis);
        for (int j = 0; j < v.length; j++) {
            v[j] -= along * axis[j];
        }
    }

    private static double[] centre(Region region) {
        double[] centre = new double[region.low().length];
        for (int j = 0; j < centre.length; j++) {
            centre[j] = (region.low()[j] + region.high()[j]) / 2;
        }
        return centre;
    }

    private static double[] negated(double[] v) {
        double[] negated = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            negated[j] = -v[j];
        }
        return negated;
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (!(norm > 1e-12)) {
            return null;
        }
        double[] unit = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            unit[j] = v[j] / norm;
        }
        return unit;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
