package io.neuraladder.train.certify;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DecimalContract;
import io.neuraladder.train.CellWeights;

/**
 * A 19-unit Elman RNN built by hand to add decimal digits exactly: the decimal certifier's
 * known-good case. Unit k (k = 1..19) is a steep threshold firing when {@code a + b + carry ≥ k};
 * unit 10 firing is the new carry, fed back like {@link HandBuiltRnnAdder}'s. The sum digit d's
 * logit adds {@code (t_j − t_{j+1}) / 2} (1 exactly when {@code a + b + carry = j}) over
 * {@code j = d} and {@code j = d + 10}, with {@code t_0 = +1} and {@code t_20 = −1}.
 */
final class HandBuiltDecimalAdder {

    private static final int UNITS = 19;
    private static final int CARRY_UNIT = 9;
    private static final double STEEP = 20;
    private static final double CARRY_WEIGHT = 0.4;
    private static final double OUTPUT_GAIN = 10;

    private HandBuiltDecimalAdder() {}

    static CellWeights weights() {
        int radix = DecimalContract.RADIX;
        double[][] w = new double[UNITS][2 * radix];
        double[][] r = new double[UNITS][UNITS];
        double[] bias = new double[UNITS];
        for (int unit = 0; unit < UNITS; unit++) {
            int k = unit + 1;
            for (int digit = 0; digit < radix; digit++) {
                w[unit][digit] = STEEP * digit;
                w[unit][radix + digit] = STEEP * digit;
            }
            r[unit][CARRY_UNIT] = STEEP * CARRY_WEIGHT;
            bias[unit] = STEEP * (0.8 - k);
        }
        double[][] out = new double[radix][UNITS];
        double[] outBias = new double[radix];
        for (int d = 0; d < radix; d++) {
            for (int j = d; j <= UNITS; j += radix) {
                outBias[d] += addThreshold(out[d], j, OUTPUT_GAIN / 2);
                outBias[d] += addThreshold(out[d], j + 1, -OUTPUT_GAIN / 2);
            }
        }
        return new CellWeights(CellType.RNN, UNITS, w, r, bias, out, outBias);
    }

    /**
     * Adds {@code gain · t_j} to a digit's logit weights; returns what it adds to the bias instead
     * for the constants {@code t_0 = +1} and {@code t_20 = −1}.
     */
    private static double addThreshold(double[] weights, int j, double gain) {
        if (j == 0) {
            return gain;
        }
        if (j == UNITS + 1) {
            return -gain;
        }
        weights[j - 1] += gain;
        return 0;
    }
}
