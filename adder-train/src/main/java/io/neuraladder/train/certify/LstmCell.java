package io.neuraladder.train.certify;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.train.LstmWeights;

/**
 * The LSTM adder computed in double precision, one step at a time: ONNX's LSTM equations with
 * sigmoid gates and tanh activations, then the dense output.
 *
 * <pre>
 * i = σ(W_i x + R_i h + b_i)   o = σ(W_o x + R_o h + b_o)   f = σ(W_f x + R_f h + b_f)
 * g = tanh(W_c x + R_c h + b_c)   c' = f c + i g   h' = o tanh(c')   logit = w · h' + b_out
 * </pre>
 */
public final class LstmCell {

    private final LstmWeights weights;
    private final double[] nextH;

    /** A cell computing with {@code weights}. Not for concurrent use: it reuses a scratch buffer. */
    public LstmCell(LstmWeights weights) {
        this.weights = weights;
        this.nextH = new double[weights.hidden()];
    }

    /** The weights this cell computes with. */
    public LstmWeights weights() {
        return weights;
    }

    /** Advances {@code (h, c)} in place by one step on the bit pair {@code (a, b)}. */
    public void step(double[] h, double[] c, int a, int b) {
        int n = weights.hidden();
        for (int j = 0; j < n; j++) {
            double i = sigmoid(preactivation(LstmWeights.INPUT_GATE, j, h, a, b));
            double o = sigmoid(preactivation(LstmWeights.OUTPUT_GATE, j, h, a, b));
            double f = sigmoid(preactivation(LstmWeights.FORGET_GATE, j, h, a, b));
            double g = Math.tanh(preactivation(LstmWeights.CELL_GATE, j, h, a, b));
            c[j] = f * c[j] + i * g;
            nextH[j] = o * Math.tanh(c[j]);
        }
        System.arraycopy(nextH, 0, h, 0, n);
    }

    /** The output logit for hidden state {@code h}; the sum bit is 1 when it is positive. */
    public double logit(double[] h) {
        double z = weights.outputBias();
        for (int j = 0; j < weights.hidden(); j++) {
            z += weights.outputWeights()[j] * h[j];
        }
        return z;
    }

    /** The low {@code steps} bits of {@code a + b} as this network computes them from the zero state. */
    public int addWrapping(int a, int b, int steps) {
        int n = weights.hidden();
        double[] h = new double[n];
        double[] c = new double[n];
        int sum = 0;
        for (int t = 0; t < steps; t++) {
            step(h, c, BitCodec.bit(a, t), BitCodec.bit(b, t));
            sum |= logit(h) > 0 ? 1 << t : 0;
        }
        return sum;
    }

    /** The summed binary cross-entropy of the sum bits of {@code a + b} over the first {@code steps}. */
    public double crossEntropy(int a, int b, int steps) {
        int n = weights.hidden();
        double[] h = new double[n];
        double[] c = new double[n];
        double total = 0;
        for (int t = 0; t < steps; t++) {
            step(h, c, BitCodec.bit(a, t), BitCodec.bit(b, t));
            double z = logit(h);
            // log(1 + e^z) - y z, computed without overflow.
            total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - BitCodec.bit(a + b, t) * z;
        }
        return total;
    }

    private double preactivation(int gate, int unit, double[] h, int a, int b) {
        int row = weights.row(gate, unit);
        double z = weights.bias()[row] + weights.inputWeights()[row][0] * a + weights.inputWeights()[row][1] * b;
        for (int k = 0; k < h.length; k++) {
            z += weights.recurrentWeights()[row][k] * h[k];
        }
        return z;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
