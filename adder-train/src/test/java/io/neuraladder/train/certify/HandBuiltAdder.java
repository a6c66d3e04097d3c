package io.neuraladder.train.certify;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;

/**
 * A 2-unit LSTM built by hand to add exactly with saturated gates: the verifier's known-good case.
 *
 * <p>Unit 0 holds the carry in {@code h}: its forget gate is shut, its candidate is +1, and its
 * input gate is a steep threshold on {@code a + b + carry - 1.5}, so {@code h0 = tanh(1)} after a
 * carry and 0 otherwise. Unit 1 holds the count {@code n = a + b + carry} as a graded level
 * {@code tanh(tanh(n/2 - 3/4))}. The output layer reads the parity of {@code n} from the level and
 * the new carry.
 */
final class HandBuiltAdder {

    private static final double STEEP = 20;
    private static final double SHUT = -20;
    private static final double OPEN = 20;
    private static final double CARRY_SCALE = 1 / Math.tanh(1);
    private static final double LEVEL_STEP = 0.5;
    private static final double LEVEL_OFFSET = -0.75;
    private static final double OUTPUT_GAIN = 20;

    private HandBuiltAdder() {}

    static CellWeights weights() {
        int hidden = 2;
        double[][] w = new double[8][2];
        double[][] r = new double[8][2];
        double[] bias = new double[8];
        // Unit 0, the carry.
        set(w, r, bias, CellWeights.INPUT_GATE * hidden, STEEP, STEEP * CARRY_SCALE, -1.5 * STEEP);
        bias[CellWeights.OUTPUT_GATE * hidden] = OPEN;
        bias[CellWeights.FORGET_GATE * hidden] = SHUT;
        bias[CellWeights.CELL_GATE * hidden] = OPEN;
        // Unit 1, the count a + b + carry as a level.
        bias[CellWeights.INPUT_GATE * hidden + 1] = OPEN;
        bias[CellWeights.OUTPUT_GATE * hidden + 1] = OPEN;
        bias[CellWeights.FORGET_GATE * hidden + 1] = SHUT;
        set(w, r, bias, CellWeights.CELL_GATE * hidden + 1, LEVEL_STEP, LEVEL_STEP * CARRY_SCALE, LEVEL_OFFSET);

        double[] level = new double[4];
        for (int n = 0; n < 4; n++) {
            level[n] = Math.tanh(Math.tanh(LEVEL_STEP * n + LEVEL_OFFSET));
        }
        double middle = (level[0] + level[1]) / 2;
        double carryWeight = -OUTPUT_GAIN * ((level[2] - middle) + (level[3] - middle)) / 2 / Math.tanh(1);
        return new CellWeights(CellType.LSTM, hidden, w, r, bias, new double[] {carryWeight, OUTPUT_GAIN}, -OUTPUT_GAIN * middle);
    }

    private static void set(double[][] w, double[][] r, double[] bias, int row, double inputWeight,
            double carryWeight, double b) {
        w[row][0] = inputWeight;
        w[row][1] = inputWeight;
        r[row][0] = carryWeight;
        bias[row] = b;
    }
}
