package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/**
 * ONNX's GRU with {@code linear_before_reset = 0}, sigmoid gates and tanh activation:
 *
 * <pre>
 * z = σ(W_z x + R_z h + b_z)   r = σ(W_r x + R_r h + b_r)
 * ĥ = tanh(W_h x + R_h (r ⊙ h) + b_h)   h' = (1 − z) ⊙ ĥ + z ⊙ h
 * </pre>
 */
final class GruCell implements RecurrentCell {

    private final CellWeights weights;
    private final double[] update;
    private final double[] resetH;
    private final double[] candidate;

    GruCell(CellWeights weights) {
        this.weights = weights;
        this.update = new double[weights.hidden()];
        this.resetH = new double[weights.hidden()];
        this.candidate = new double[weights.hidden()];
    }

    @Override
    public CellWeights weights() {
        return weights;
    }

    @Override
    public void step(double[] h, int a, int b) {
        int n = weights.hidden();
        for (int j = 0; j < n; j++) {
            update[j] = RecurrentCell.sigmoid(gate(CellWeights.UPDATE_GATE, j, h, a, b));
            resetH[j] = RecurrentCell.sigmoid(gate(CellWeights.RESET_GATE, j, h, a, b)) * h[j];
        }
        for (int j = 0; j < n; j++) {
            candidate[j] = RecurrentCell.tanh(gate(CellWeights.CANDIDATE_GATE, j, resetH, a, b));
        }
        for (int j = 0; j < n; j++) {
            h[j] = (1 - update[j]) * candidate[j] + update[j] * h[j];
        }
    }

    private double gate(int gate, int unit, double[] h, int a, int b) {
        return RecurrentCell.preactivation(weights, weights.row(gate, unit), h, a, b);
    }
}
