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

    /** A source form and its gates' recurrent terms, which no digit pair changes: computed once for all pairs. */
    record Prepared(AffineImage state, AffineImage recurrentTerms) {}

    /**
     * The pair-independent part of {@code state}'s step: every gate's {@code R h} (with PyTorch's
     * GRU, the candidate's {@code R_h h + Rb_h}); the GRU with {@code linear_before_reset = 0}
     * multiplies its candidate's h by the reset gate first, so its candidate rows are left out.
     */
    Prepared prepare(AffineImage state) {
        CellType cell = weights.cell();
        int rows = (cell == CellType.GRU ? CellWeights.CANDIDATE_GATE : cell.gates()) * hidden;
        double[] constant = new double[rows];
        if (cell == CellType.GRU_LINEAR_BEFORE_RESET) {
            System.arraycopy(weights.resetGatedBias(), 0, constant, CellWeights.CANDIDATE_GATE * hidden, hidden);
        }
        return new Prepared(state, state.rows(0, hidden).linear(weights.recurrentWeights(), 0, rows, constant));
    }

    AffineImage next(Prepared prepared, int pair, AffineImage.Symbols symbols) {
        return switch (weights.cell()) {
            case RNN -> pre(prepared, 0, pair).activated(Math::tanh, AffineCellStep::tanhSlope, symbols);
            case LSTM -> lstm(prepared, pair, symbols);
            case GRU, GRU_LINEAR_BEFORE_RESET -> gru(prepared, pair, symbols);
        };
    }

    private AffineImage lstm(Prepared prepared, int pair, AffineImage.Symbols symbols) {
        AffineImage c = prepared.state().rows(hidden, 2 * hidden);
        AffineImage i = sigmoid(pre(prepared, CellWeights.INPUT_GATE, pair), symbols);
        AffineImage o = sigmoid(pre(prepared, CellWeights.OUTPUT_GATE, pair), symbols);
        AffineImage f = sigmoid(pre(prepared, CellWeights.FORGET_GATE, pair), symbols);
        AffineImage g = pre(prepared, CellWeights.CELL_GATE, pair).activated(Math::tanh, AffineCellStep::tanhSlope,
                symbols);
        AffineImage nextC = f.times(c, symbols).plus(i.times(g, symbols), +1);
        return o.times(nextC.activated(Math::tanh, AffineCellStep::tanhSlope, symbols), symbols).stack(nextC);
    }

    private AffineImage gru(Prepared prepared, int pair, AffineImage.Symbols symbols) {
        AffineImage h = prepared.state();
        AffineImage z = sigmoid(pre(prepared, CellWeights.UPDATE_GATE, pair), symbols);
        AffineImage r = sigmoid(pre(prepared, CellWeights.RESET_GATE, pair), symbols);
        int first = CellWeights.CANDIDATE_GATE * hidden;
        double[] constant = Arrays.copyOfRange(constants[pair], first, first + hidden);
        AffineImage candidate;
        if (weights.cell() == CellType.GRU_LINEAR_BEFORE_RESET) {
            candidate = r.times(prepared.recurrentTerms().rows(first, first + hidden), symbols).shifted(constant);
        } else {
            candidate = r.times(h, symbols).linear(weights.recurrentWeights(), first, hidden, constant);
        }
        candidate = candidate.activated(Math::tanh, AffineCellStep::tanhSlope, symbols);
        return candidate.plus(z.times(h.plus(candidate, -1), symbols), +1);
    }

    /** Gate block {@code gate}'s preactivation on {@code pair}: its recurrent terms plus the pair's constants. */
    private AffineImage pre(Prepared prepared, int gate, int pair) {
        int first = gate * hidden;
        return prepared.recurrentTerms().rows(first, first + hidden)
                .shifted(Arrays.copyOfRange(constants[pair], first, first + hidden));
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
