package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/** {@link RnnCell}'s step over a box of states: tanh of an interval affine map. */
final class IntervalRnn implements IntervalCell {

    private final CellWeights weights;
    /** {@code b + W x} per digit pair and unit, and a bound on its terms, for {@link #stepAll}. */
    private final double[][] constants;
    private final double[] constantMagnitudes;

    IntervalRnn(CellWeights weights) {
        this.weights = weights;
        int n = weights.hidden();
        int radix = weights.radix();
        constants = new double[radix * radix][n];
        constantMagnitudes = new double[n];
        for (int j = 0; j < n; j++) {
            constantMagnitudes[j] = Math.abs(weights.bias()[j]) + weights.inputMagnitude(j);
            for (int pair = 0; pair < radix * radix; pair++) {
                constants[pair][j] = weights.bias()[j] + weights.inputTerm(j, pair / radix, pair % radix);
            }
        }
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

    /** As {@link #step} for every pair, with the recurrent term {@code R h}, the same for all pairs, bounded once. */
    @Override
    public StateBox[] stepAll(StateBox box, int radix) {
        int n = weights.hidden();
        double[][] h = Intervals.hidden(box, n);
        double[][] recurrent = new double[n][];
        for (int j = 0; j < n; j++) {
            recurrent[j] = Intervals.recurrentTerm(weights, j, h);
        }
        StateBox[] images = new StateBox[radix * radix];
        for (int pair = 0; pair < images.length; pair++) {
            StateBox next = StateBox.zero(n);
            for (int j = 0; j < n; j++) {
                next.set(j, Intervals.tanh(Intervals.withConstant(recurrent[j], constants[pair][j],
                        constantMagnitudes[j])));
            }
            images[pair] = next;
        }
        return images;
    }
}
