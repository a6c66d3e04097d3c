package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/** {@link RnnCell}'s step over a box of states: tanh of an interval affine map. */
final class IntervalRnn implements IntervalCell {

    private final CellWeights weights;

    IntervalRnn(CellWeights weights) {
        this.weights = weights;
    }

    @Override
    public StateBox step(StateBox box, int a, int b) {
        int n = weights.hidden();
        double[][] h = Intervals.hidden(box, n);
        StateBox next = StateBox.zero(n);
        for (int j = 0; j < n; j++) {
            next.set(j, Intervals.tanh(Intervals.preactivation(weights, j, h, a, b)));
        }
        return next;
    }
}
