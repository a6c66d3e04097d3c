package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/** {@link LstmCell}'s step over a box of states; the gate products are interval products. */
final class IntervalLstm implements IntervalCell {

    private final CellWeights weights;

    IntervalLstm(CellWeights weights) {
        this.weights = weights;
    }

    @Override
    public StateBox step(StateBox box, int a, int b) {
        int n = weights.hidden();
        double[][] h = Intervals.hidden(box, n);
        StateBox next = StateBox.zero(2 * n);
        for (int j = 0; j < n; j++) {
            double[] i = Intervals.sigmoid(gate(CellWeights.INPUT_GATE, j, h, a, b));
            double[] o = Intervals.sigmoid(gate(CellWeights.OUTPUT_GATE, j, h, a, b));
            double[] f = Intervals.sigmoid(gate(CellWeights.FORGET_GATE, j, h, a, b));
            double[] g = Intervals.tanh(gate(CellWeights.CELL_GATE, j, h, a, b));
            double[] c = Intervals.add(Intervals.multiply(f, box.interval(n + j)), Intervals.multiply(i, g));
            next.set(j, Intervals.multiply(o, Intervals.tanh(c)));
            next.set(n + j, c);
        }
        return next;
    }

    private double[] gate(int gate, int unit, double[][] h, int a, int b) {
        return Intervals.preactivation(weights, weights.row(gate, unit), h, a, b);
    }
}
