package io.neuraladder.train.certify;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;

/**
 * A {@code (2r − 1)}-unit Elman RNN built by hand to add digits of radix {@code r} exactly: the
 * digit-serial certifier's known-good case (19 units for decimal). Unit k (k = 1..2r−1) is a steep
 * threshold firing when {@code a + b + carry ≥ k}; unit r firing is the new carry, fed back like
 * {@link HandBuiltRnnAdder}'s. The sum digit d's logit adds {@code (t_j − t_{j+1}) / 2} (1 exactly
 * when {@code a + b + carry = j}) over {@code j = d} and {@code j = d + r}, with {@code t_0 = +1}
 * and {@code t_2r = −1}.
 */
final class HandBuiltDigitAdder {

    private static final double STEEP = 20;
    private static final double CARRY_WEIGHT = 0.4;
    private static final double OUTPUT_GAIN = 10;

    private HandBuiltDigitAdder() {}

    /** The decimal adder. */
    static CellWeights weights() {
        return weights(10);
    }

    /** The adder in {@code radix}. */
    static CellWeights weights(int radix) {
        int units = 2 * radix - 1;
        int carryUnit = radix - 1;
        double[][] w = new double[units][2 * radix];
        double[][] r = new double[units][units];
        double[] bias = new double[units];
        for (int unit = 0; unit < units; unit++) {
            int k = unit + 1;
            for (int digit = 0; digit < radix; digit++) {
                w[unit][digit] = STEEP * digit;
                w[unit][radix + digit] = STEEP * digit;
            }
            r[unit][carryUnit] = STEEP * CARRY_WEIGHT;
            bias[unit] = STEEP * (0.8 - k);
        }
        double[][] out = new double[radix][units];
        double[] outBias = new double[radix];
        for (int d = 0; d < radix; d++) {
            for (int j = d; j <= units; j += radix) {
                outBias[d] += addThreshold(out[d], j, units, OUTPUT_GAIN / 2);
                outBias[d] += addThreshold(out[d], j + 1, units, -OUTPUT_GAIN / 2);
            }
        }
        return new CellWeights(CellType.RNN, units, w, r, bias, out, outBias);
    }

    /** A copy of {@code good} whose first operand's digit {@code digit} is read as {@code as}: a wrong adder. */
    static CellWeights misreading(CellWeights good, int digit, int as) {
        double[][] w = new double[good.inputWeights().length][];
        for (int row = 0; row < w.length; row++) {
            w[row] = good.inputWeights()[row].clone();
            w[row][digit] = w[row][as];
        }
        return new CellWeights(good.cell(), good.hidden(), w, good.recurrentWeights(), good.bias(),
                good.outputWeights(), good.outputBias());
    }

    /**
     * Adds {@code gain · t_j} to a digit's logit weights; returns what it adds to the bias instead
     * for the constants {@code t_0 = +1} and {@code t_2r = −1}.
     */
    private static double addThreshold(double[] weights, int j, int units, double gain) {
        if (j == 0) {
            return gain;
        }
        if (j == units + 1) {
            return -gain;
        }
        weights[j - 1] += gain;
        return 0;
    }
}
