package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/** A cell's step applied to a box of states with sound interval arithmetic ({@link Intervals}). */
interface IntervalCell {

    /** The interval version of the cell computing with {@code weights}. */
    static IntervalCell of(CellWeights weights) {
        return switch (weights.cell()) {
            case RNN -> new IntervalRnn(weights);
            case GRU, GRU_LINEAR_BEFORE_RESET -> new IntervalGru(weights);
            case LSTM -> new IntervalLstm(weights);
        };
    }

    /** The box holding every state reached in one step from a state in {@code box} on bits (a, b). */
    StateBox step(StateBox box, int a, int b);

    /** The boxes reached in one step from {@code box}, one per digit pair {@code a · radix + b}. */
    default StateBox[] stepAll(StateBox box, int radix) {
        StateBox[] images = new StateBox[radix * radix];
        for (int pair = 0; pair < images.length; pair++) {
            images[pair] = step(box, pair / radix, pair % radix);
        }
        return images;
    }
}
