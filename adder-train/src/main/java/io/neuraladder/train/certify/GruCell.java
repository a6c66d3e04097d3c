package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/**
 * ONNX's GRU, sigmoid gates and tanh activation, with {@code linear_before_reset = 0} or 1
 * ({@link io.neuraladder.contract.CellType#GRU_LINEAR_BEFORE_RESET}, PyTorch's GRU):
 *
 * <pre>
 * z = σ(W_z x + R_z h + b_z)   r = σ(W_r x + R_r h + b_r)
 * ĥ = tanh(W_h x + R_h (r ⊙ h) + b_h)                  (linear_before_reset = 0)
 * ĥ = tanh(W_h x + Wb_h + r ⊙ (R_h h + Rb_h))          (linear_before_reset = 1)
 * h' = (1 − z) ⊙ ĥ + z ⊙ h
 * </pre>
 */
final class GruCell implements RecurrentCell {

    private final CellWeights weights;
    private final double[] update;
    private final double[] reset;
    private final double[] resetH;
    private final double[] candidate;

    GruCell(CellWeights weights) {
        this.weights = weights;
        this.update = new double[weights.hidden()];
        this.reset = new double[weights.hidden()];
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
            reset[j] = RecurrentCell.sigmoid(gate(CellWeights.RESET_GATE, j, h, a, b));
            resetH[j] = reset[j] * h[j];
        }
        for (int j = 0; j < n; j++) {
            candidate[j] = RecurrentCell.tanh(weights.cell().linearBeforeReset() ? resetAfterProduct(j, h, a, b)
                    : gate(CellWeights.CANDIDATE_GATE, j, resetH, a, b));
        }
        for (int j = 0; j < n; j++) {
            h[j] = (1 - update[j]) * candidate[j] + update[j] * h[j];
        }
    }

    private double resetAfterProduct(int unit, double[] h, int a, int b) {
        int row = weights.row(CellWeights.CANDIDATE_GATE, unit);
        double recurrent = weights.resetGatedBias()[unit];
        for (int k = 0; k < weights.hidden(); k++) {
            recurrent += weights.recurrentWeights()[row][k] * h[k];
        }
        return weights.bias()[row] + weights.inputTerm(row, a, b) + reset[unit] * recurrent;
    }

    private double gate(int gate, int unit, double[] h, int a, int b) {
        return RecurrentCell.preactivation(weights, weights.row(gate, unit), h, a, b);
    }
}
