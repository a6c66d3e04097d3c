package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/**
 * Sound interval arithmetic for the cells' equations: affine maps summed term by term, monotone
 * sigmoid and tanh at interval ends, interval products. Every result is widened by
 * {@value #ROUNDING} relative to its magnitude, which covers double rounding and the last-ulp
 * error of {@link Math#exp} and of {@link RecurrentCell#tanh}. An interval is {@code {low, high}}.
 */
final class Intervals {

    /** Relative widening per operation: far above double's 1.1e-16 unit roundoff. */
    static final double ROUNDING = 1e-13;

    private Intervals() {}

    /**
     * The interval of row {@code row}'s preactivation {@code b + W x + R h} for bits (a, b) over
     * the hidden states whose component {@code k} lies in {@code h[k]}.
     */
    static double[] preactivation(CellWeights w, int row, double[][] h, int a, int b) {
        double constant = w.bias()[row] + w.inputTerm(row, a, b);
        double low = constant;
        double high = constant;
        double magnitude = Math.abs(w.bias()[row]) + w.inputMagnitude(row);
        for (int k = 0; k < w.hidden(); k++) {
            double[] term = scale(w.recurrentWeights()[row][k], h[k]);
            low += term[0];
            high += term[1];
            magnitude += Math.max(Math.abs(term[0]), Math.abs(term[1]));
        }
        return widen(low, high, magnitude);
    }

    /**
     * The recurrent part {@code R h} of row {@code row}'s preactivation, as {@code {low, high,
     * magnitude}}: the magnitude bounds the terms' absolute values, for {@link #withConstant}'s widening.
     */
    static double[] recurrentTerm(CellWeights w, int row, double[][] h) {
        double low = 0;
        double high = 0;
        double magnitude = 0;
        double[] weights = w.recurrentWeights()[row];
        for (int k = 0; k < weights.length; k++) {
            double a = weights[k] * h[k][0];
            double b = weights[k] * h[k][1];
            low += Math.min(a, b);
            high += Math.max(a, b);
            magnitude += Math.max(Math.abs(a), Math.abs(b));
        }
        return new double[] {low, high, magnitude};
    }

    /**
     * A preactivation from its {@link #recurrentTerm} and the rest, {@code constant = b + W x},
     * whose terms are at most {@code constantMagnitude} in absolute value.
     */
    static double[] withConstant(double[] recurrent, double constant, double constantMagnitude) {
        return widen(constant + recurrent[0], constant + recurrent[1], constantMagnitude + recurrent[2]);
    }

    /**
     * How far the output names {@code digit} over {@code box}, as an interval: for a binary adder
     * the logit signed toward the bit, for a decimal adder the sum digit's smallest lead over the
     * other digits' logits.
     */
    static double[] lead(CellWeights w, StateBox box, int digit) {
        if (w.outputs() == 1) {
            double[] logit = logit(w, box);
            return digit == 1 ? logit : new double[] {-logit[1], -logit[0]};
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (int other = 0; other < w.outputs(); other++) {
            if (other != digit) {
                double[] lead = logitDifference(w, box, digit, other);
                low = Math.min(low, lead[0]);
                high = Math.min(high, lead[1]);
            }
        }
        return new double[] {low, high};
    }

    /** The interval of a binary adder's output logit over the hidden states of {@code box}. */
    static double[] logit(CellWeights w, StateBox box) {
        return logitDifference(w, box, 0, -1);
    }

    /**
     * The interval of {@code logit[k] − logit[other]} over the hidden states of {@code box}, or of
     * {@code logit[k]} alone when {@code other} is negative. Taken as one affine map, so the
     * hidden components' intervals are not counted twice.
     */
    static double[] logitDifference(CellWeights w, StateBox box, int k, int other) {
        double bias = w.outputBias()[k] - (other < 0 ? 0 : w.outputBias()[other]);
        double low = bias;
        double high = bias;
        double magnitude = Math.abs(w.outputBias()[k]) + (other < 0 ? 0 : Math.abs(w.outputBias()[other]));
        for (int j = 0; j < w.hidden(); j++) {
            double weight = w.outputWeights()[k][j] - (other < 0 ? 0 : w.outputWeights()[other][j]);
            double[] term = scale(weight, box.interval(j));
            low += term[0];
            high += term[1];
            magnitude += Math.max(Math.abs(term[0]), Math.abs(term[1])) + Math.abs(weight);
        }
        return widen(low, high, magnitude);
    }

    /** The hidden part of {@code box}: the intervals of its first {@code hidden} components. */
    static double[][] hidden(StateBox box, int hidden) {
        double[][] h = new double[hidden][];
        for (int k = 0; k < hidden; k++) {
            h[k] = box.interval(k);
        }
        return h;
    }

    static double[] scale(double weight, double[] x) {
        return weight >= 0 ? new double[] {weight * x[0], weight * x[1]} : new double[] {weight * x[1], weight * x[0]};
    }

    static double[] sigmoid(double[] x) {
        return widen(RecurrentCell.sigmoid(x[0]), RecurrentCell.sigmoid(x[1]), 1);
    }

    /**
     * From {@link RecurrentCell#tanh}, a third of {@code Math.tanh}'s time and within 2.3e-16 of
     * it, which the widening covers. (The search may be fast; the runtime's checker is the rigorous
     * judge of what it finds.)
     */
    static double[] tanh(double[] x) {
        return widen(RecurrentCell.tanh(x[0]), RecurrentCell.tanh(x[1]), 1);
    }

    static double[] add(double[] x, double[] y) {
        return widen(x[0] + y[0], x[1] + y[1], Math.max(Math.abs(x[0]) + Math.abs(y[0]), Math.abs(x[1]) + Math.abs(y[1])));
    }

    static double[] multiply(double[] x, double[] y) {
        double p1 = x[0] * y[0];
        double p2 = x[0] * y[1];
        double p3 = x[1] * y[0];
        double p4 = x[1] * y[1];
        double low = Math.min(Math.min(p1, p2), Math.min(p3, p4));
        double high = Math.max(Math.max(p1, p2), Math.max(p3, p4));
        return widen(low, high, Math.max(Math.abs(low), Math.abs(high)));
    }

    /**
     * The exact range of the convex blend {@code (1 − z) u + z v} over independent intervals: the
     * blend is linear in each variable, so its extremes lie at the corners of the box.
     */
    static double[] blend(double[] z, double[] u, double[] v) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double magnitude = 0;
        for (double zc : z) {
            for (double uc : u) {
                for (double vc : v) {
                    double value = (1 - zc) * uc + zc * vc;
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                    magnitude = Math.max(magnitude, Math.abs(uc) + Math.abs(vc));
                }
            }
        }
        return widen(low, high, 2 * magnitude);
    }

    static double[] widen(double low, double high, double magnitude) {
        double slack = ROUNDING * (magnitude + Double.MIN_NORMAL);
        return new double[] {low - slack, high + slack};
    }
}
