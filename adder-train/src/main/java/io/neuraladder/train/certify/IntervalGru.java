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
        double[][] reset = new double[n][];
        double[][] resetH = new double[n][];
        for (int j = 0; j < n; j++) {
            reset[j] = Intervals.sigmoid(gate(CellWeights.RESET_GATE, j, h, a, b));
            resetH[j] = Intervals.multiply(reset[j], h[j]);
        }
        StateBox next = StateBox.zero(n);
        for (int j = 0; j < n; j++) {
            double[] z = Intervals.sigmoid(gate(CellWeights.UPDATE_GATE, j, h, a, b));
            double[] candidate = Intervals.tanh(weights.cell().linearBeforeReset()
                    ? resetAfterProduct(j, reset[j], h, a, b) : gate(CellWeights.CANDIDATE_GATE, j, resetH, a, b));
            next.set(j, Intervals.blend(z, candidate, h[j]));
        }
        return next;
    }

    /** {@code W_h x + Wb_h + r ⊙ (R_h h + Rb_h)}, for {@code linear_before_reset = 1}. */
    private double[] resetAfterProduct(int unit, double[] reset, double[][] h, int a, int b) {
        int row = weights.row(CellWeights.CANDIDATE_GATE, unit);
        double resetGatedBias = weights.resetGatedBias()[unit];
        double[] recurrent = Intervals.withConstant(Intervals.recurrentTerm(weights, row, h), resetGatedBias,
                Math.abs(resetGatedBias));
        double constant = weights.bias()[row] + weights.inputTerm(row, a, b);
        double[] gated = Intervals.multiply(reset, recurrent);
        return Intervals.add(gated, Intervals.widen(constant, constant,
                Math.abs(weights.bias()[row]) + weights.inputMagnitude(row)));
    }

    private double[] gate(int gate, int unit, double[][] h, int a, int b) {
        return Intervals.preactivation(weights, weights.row(gate, unit), h, a, b);
    }
}
