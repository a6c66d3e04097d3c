package io.neuraladder.train.certify;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;
import java.util.Arrays;

/**
 * One step of a binary adder's cell over an {@link AffineImage}, with ONNX's equations: the
 * search's counterpart of the runtime kernel's affine step (the GRU's blend taken as
 * {@code ĥ + z (h − ĥ)}, as the kernel takes it).
 */
final class AffineCellStep {


    private final CellWeights weights;
    private final int hidden;
    /** {@code [pair][row]}: the input term and the biases that join the preactivation directly. */
    private final double[][] constants;

    AffineCellStep(CellWeights weights) {
        this.weights = weights;
        this.hidden = weights.hidden();
        int rows = weights.cell().gates() * hidden;
        constants = new double[4][rows];
        for (int pair = 0; pair < 4; pair++) {
            for (int row = 0; row < rows; row++) {
                constants[pair][row] = weights.inputTerm(row, pair / 2, pair % 2) + weights.bias()[row];
            }
        }
    }

    /** The state size: {@code H}, or {@code 2H} with an LSTM's memory. */
    int stateSize() {
        return weights.cell().hasCellState() ? 2 * hidden : hidden;
    }

    AffineImage next(AffineImage state, int pair, AffineImage.Symbols symbols) {
        return switch (weights.cell()) {
            case RNN -> pre(state, 0, pair).activated(Math::tanh, AffineCellStep::tanhSlope, symbols);
            case LSTM -> lstm(state, pair, symbols);
            case GRU, GRU_LINEAR_BEFORE_RESET -> gru(state, pair, symbols);
        };
    }

    private AffineImage lstm(AffineImage state, int pair, AffineImage.Symbols symbols) {
        AffineImage h = state.rows(0, hidden);
        AffineImage c = state.rows(hidden, 2 * hidden);
        AffineImage i = sigmoid(pre(h, CellWeights.INPUT_GATE, pair), symbols);
        AffineImage o = sigmoid(pre(h, CellWeights.OUTPUT_GATE, pair), symbols);
        AffineImage f = sigmoid(pre(h, CellWeights.FORGET_GATE, pair), symbols);
        AffineImage g = pre(h, CellWeights.CELL_GATE, pair).activated(Math::tanh, AffineCellStep::tanhSlope, symbols);
        AffineImage nextC = f.times(c, symbols).plus(i.times(g, symbols), +1);
        return o.times(nextC.activated(Math::tanh, AffineCellStep::tanhSlope, symbols), symbols).stack(nextC);
    }

    private AffineImage gru(AffineImage h, int pair, AffineImage.Symbols symbols) {
        AffineImage z = sigmoid(pre(h, CellWeights.UPDATE_GATE, pair), symbols);
        AffineImage r = sigmoid(pre(h, CellWeights.RESET_GATE, pair), symbols);
        int first = CellWeights.CANDIDATE_GATE * hidden;
        double[] constant = Arrays.copyOfRange(constants[pair], first, first + hidden);
        AffineImage candidate;
        if (weights.cell() == CellType.GRU_LINEAR_BEFORE_RESET) {
            AffineImage inner = h.linear(weights.recurrentWeights(), first, hidden, weights.resetGatedBias());
            candidate = r.times(inner, symbols).shifted(constant);
        } else {
            candidate = r.times(h, symbols).linear(weights.recurrentWeights(), first, hidden, constant);
        }
        candidate = candidate.activated(Math::tanh, AffineCellStep::tanhSlope, symbols);
        return candidate.plus(z.times(h.plus(candidate, -1), symbols), +1);
    }

    private AffineImage pre(AffineImage h, int gate, int pair) {
        int first = gate * hidden;
        return h.linear(weights.recurrentWeights(), first, hidden,
                Arrays.copyOfRange(constants[pair], first, first + hidden));
    }

    private static AffineImage sigmoid(AffineImage x, AffineImage.Symbols symbols) {
        return x.activated(v -> 1 / (1 + Math.exp(-v)), v -> {
            double s = 1 / (1 + Math.exp(-v));
            return s * (1 - s);
        }, symbols);
    }

    private static double tanhSlope(double x) {
        double t = Math.tanh(x);
        return 1 - t * t;
    }

    /** The logit of the output layer at hidden state {@code h} (the first {@code H} components). */
    double logit(double[] state) {
        double value = weights.outputBias()[0];
        for (int j = 0; j < hidden; j++) {
            value += weights.outputWeights()[0][j] * state[j];
        }
        return value;
    }

    /** The output weights, for a piece's logit spread. */
    double outputWeight(int j) {
        return weights.outputWeights()[0][j];
    }

    int hidden() {
        return hidden;
    }
}
