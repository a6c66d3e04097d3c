package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/**
 * ONNX's LSTM, no peepholes, sigmoid gates and tanh activations:
 *
 * <pre>
 * i = σ(W_i x + R_i h + b_i)   o = σ(W_o x + R_o h + b_o)   f = σ(W_f x + R_f h + b_f)
 * g = tanh(W_c x + R_c h + b_c)   c' = f c + i g   h' = o tanh(c')
 * </pre>
 */
final class LstmCell implements RecurrentCell {

    private final CellWeights weights;
    private final double[] nextH;

    LstmCell(CellWeights weights) {
        this.weights = weights;
        this.nextH = new double[weights.hidden()];
    }

    @Override
    public CellWeights weights() {
        return weights;
    }

    @Override
    public void step(double[] state, int a, int b) {
        int n = weights.hidden();
        for (int j = 0; j < n; j++) {
            double i = RecurrentCell.sigmoid(gate(CellWeights.INPUT_GATE, j, state, a, b));
            double o = RecurrentCell.sigmoid(gate(CellWeights.OUTPUT_GATE, j, state, a, b));
            double f = RecurrentCell.sigmoid(gate(CellWeights.FORGET_GATE, j, state, a, b));
            double g = RecurrentCell.tanh(gate(CellWeights.CELL_GATE, j, state, a, b));
            state[n + j] = f * state[n + j] + i * g;
            nextH[j] = o * RecurrentCell.tanh(state[n + j]);
        }
        System.arraycopy(nextH, 0, state, 0, n);
    }

    private double gate(int gate, int unit, double[] h, int a, int b) {
        return RecurrentCell.preactivation(weights, weights.row(gate, unit), h, a, b);
    }
}
