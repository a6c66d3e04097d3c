package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/**
 * {@link GruCell}'s step over a box of states. The blend {@code (1 − z) ĥ + z h} takes its exact
 * range over the corners, which keeps the box from growing where the update gate is nearly 0 or 1.
 */
final class IntervalGru implements IntervalCell {

    private final CellWeights weights;

    IntervalGru(CellWeights weights) {
        this.weights = weights;
    }

    @Override
    public StateBox step(StateBox box, int a, int b) {
        int n = weights.hidden();
        double[][] h = Intervals.hidden(box, n);
        double[][] resetH = new double[n][];
        for (int j = 0; j < n; j++) {
            resetH[j] = Intervals.multiply(Intervals.sigmoid(gate(CellWeights.RESET_GATE, j, h, a, b)), h[j]);
        }
        StateBox next = StateBox.zero(n);
        for (int j = 0; j < n; j++) {
            double[] z = Intervals.sigmoid(gate(CellWeights.UPDATE_GATE, j, h, a, b));
            double[] candidate = Intervals.tanh(gate(CellWeights.CANDIDATE_GATE, j, resetH, a, b));
            next.set(j, Intervals.blend(z, candidate, h[j]));
        }
        return next;
    }

    private double[] gate(int gate, int unit, double[][] h, int a, int b) {
        return Intervals.preactivation(weights, weights.row(gate, unit), h, a, b);
    }
}
