package io.neuraladder.train.certify;

import io.neuraladder.train.LstmWeights;

/**
 * The LSTM cell's step applied to a box of states with sound interval arithmetic: affine maps
 * summed term by term, monotone sigmoid and tanh at interval ends, interval products for the gate
 * multiplications. Every result is widened by {@value #ROUNDING} relative to its magnitude, which
 * covers double rounding and the last-ulp error of {@link Math#exp} and {@link Math#tanh}.
 */
final class IntervalLstm {

    /** Relative widening per operation: far above double's 1.1e-16 unit roundoff. */
    static final double ROUNDING = 1e-13;

    private final LstmWeights weights;

    IntervalLstm(LstmWeights weights) {
        this.weights = weights;
    }

    /** The box holding every state reached in one step from a state in {@code box} on bits (a, b). */
    StateBox step(StateBox box, int a, int b) {
        int n = weights.hidden();
        StateBox next = StateBox.empty(n);
        for (int j = 0; j < n; j++) {
            double[] i = sigmoid(preactivation(LstmWeights.INPUT_GATE, j, box, a, b));
            double[] o = sigmoid(preactivation(LstmWeights.OUTPUT_GATE, j, box, a, b));
            double[] f = sigmoid(preactivation(LstmWeights.FORGET_GATE, j, box, a, b));
            double[] g = tanh(preactivation(LstmWeights.CELL_GATE, j, box, a, b));
            double[] c = add(multiply(f, new double[] {box.cLow()[j], box.cHigh()[j]}), multiply(i, g));
            double[] h = multiply(o, tanh(c));
            next.set(j, h[0], h[1], c[0], c[1]);
        }
        return next;
    }

    /** The interval of the output logit over the hidden states of {@code box}. */
    double[] logit(StateBox box) {
        double low = weights.outputBias();
        double high = weights.outputBias();
        double magnitude = Math.abs(weights.outputBias());
        for (int j = 0; j < weights.hidden(); j++) {
            double[] term = scale(weights.outputWeights()[j], box.hLow()[j], box.hHigh()[j]);
            low += term[0];
            high += term[1];
            magnitude += Math.max(Math.abs(term[0]), Math.abs(term[1]));
        }
        return widen(low, high, magnitude);
    }

    private double[] preactivation(int gate, int unit, StateBox box, int a, int b) {
        int row = weights.row(gate, unit);
        double constant = weights.bias()[row] + weights.inputWeights()[row][0] * a + weights.inputWeights()[row][1] * b;
        double low = constant;
        double high = constant;
        double magnitude = Math.abs(weights.bias()[row]) + Math.abs(weights.inputWeights()[row][0])
                + Math.abs(weights.inputWeights()[row][1]);
        for (int k = 0; k < weights.hidden(); k++) {
            double[] term = scale(weights.recurrentWeights()[row][k], box.hLow()[k], box.hHigh()[k]);
            low += term[0];
            high += term[1];
            magnitude += Math.max(Math.abs(term[0]), Math.abs(term[1]));
        }
        return widen(low, high, magnitude);
    }

    private static double[] scale(double weight, double low, double high) {
        return weight >= 0 ? new double[] {weight * low, weight * high} : new double[] {weight * high, weight * low};
    }

    private static double[] sigmoid(double[] x) {
        return widen(LstmCell.sigmoid(x[0]), LstmCell.sigmoid(x[1]), 1);
    }

    private static double[] tanh(double[] x) {
        return widen(Math.tanh(x[0]), Math.tanh(x[1]), 1);
    }

    private static double[] add(double[] x, double[] y) {
        return widen(x[0] + y[0], x[1] + y[1], Math.max(Math.abs(x[0]) + Math.abs(y[0]), Math.abs(x[1]) + Math.abs(y[1])));
    }

    private static double[] multiply(double[] x, double[] y) {
        double p1 = x[0] * y[0];
        double p2 = x[0] * y[1];
        double p3 = x[1] * y[0];
        double p4 = x[1] * y[1];
        double low = Math.min(Math.min(p1, p2), Math.min(p3, p4));
        double high = Math.max(Math.max(p1, p2), Math.max(p3, p4));
        return widen(low, high, Math.max(Math.abs(low), Math.abs(high)));
    }

    private static double[] widen(double low, double high, double magnitude) {
        double slack = ROUNDING * (magnitude + Double.MIN_NORMAL);
        return new double[] {low - slack, high + slack};
    }
}
