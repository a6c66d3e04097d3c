package io.neuraladder.train.certify;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;

/**
 * A 3-unit Elman RNN built by hand to add exactly: 22 parameters, the smallest cell this project
 * knows to certify (the documents' hand-designed cell has 32).
 *
 * <p>Unit k (k = 1, 2, 3) is a steep threshold that fires when {@code a + b + carry ≥ k}; unit 2
 * firing is the new carry, fed back with weight {@code STEEP · CARRY_WEIGHT}. The thresholds sit
 * between the three cases of the previous state (no carry: unit 2 at −1; the zero initial state:
 * 0; carry: +1) with a margin of 0.2 on either side. The sum bit is the parity of
 * {@code a + b + carry}: unit 1 − unit 2 + unit 3.
 */
final class HandBuiltRnnAdder {

    static final double STEEP = 20;
    static final double CARRY_WEIGHT = 0.4;
    private static final double OUTPUT_GAIN = 5;

    private HandBuiltRnnAdder() {}

    /** The adder, with the carry fed back at {@code carryWeight} (the sound value is {@link #CARRY_WEIGHT}). */
    static CellWeights weights(double carryWeight) {
        int hidden = 3;
        double[][] w = new double[hidden][2];
        double[][] r = new double[hidden][hidden];
        double[] bias = new double[hidden];
        for (int unit = 0; unit < hidden; unit++) {
            int k = unit + 1;
            w[unit][0] = STEEP;
            w[unit][1] = STEEP;
            r[unit][1] = STEEP * carryWeight;
            bias[unit] = STEEP * (0.8 - k);
        }
        double[] output = {OUTPUT_GAIN, -OUTPUT_GAIN, OUTPUT_GAIN};
        return new CellWeights(CellType.RNN, hidden, w, r, bias, output, 0);
    }
}
