package io.neuraladder.proof;

import static io.neuraladder.proof.IntervalStep.GRU_CANDIDATE;
import static io.neuraladder.proof.IntervalStep.GRU_RESET;
import static io.neuraladder.proof.IntervalStep.GRU_UPDATE;
import static io.neuraladder.proof.IntervalStep.LSTM_CELL;
import static io.neuraladder.proof.IntervalStep.LSTM_FORGET;
import static io.neuraladder.proof.IntervalStep.LSTM_INPUT;
import static io.neuraladder.proof.IntervalStep.LSTM_OUTPUT;

import io.neuraladder.contract.CellType;
import java.util.Arrays;

/**
 * One step of the model's cell, with ONNX's equations ({@link IntervalStep} lists them), over an
 * {@link AffineForm} of states: a form that holds the next state of every state of the source form.
 * The preactivations are {@link AffineForm#linear} maps of the hidden part, their input part the
 * outward-rounded constants of {@link IntervalStep}; σ and tanh are {@link AffineForm#activated};
 * the products are {@link AffineForm#times}. The GRU's blend {@code (1 − z) ĥ + z h} is computed as
 * {@code ĥ + z (h − ĥ)}, the same real number with one product instead of two.
 */
final class AffineStep {

    private final CellType cell;
    private final int hidden;
    private final double[][] recurrent;
    private final double[] recurrentBias;
    private final IntervalStep constants;

    AffineStep(CellParameters weights) {
        this.cell = weights.cell();
        this.hidden = weights.hidden();
        this.constants = new IntervalStep(weights);
        int rows = cell.gates() * hidden;
        recurrent = new double[rows][hidden];
        recurrentBias = new double[rows];
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < hidden; k++) {
                recurrent[row][k] = weights.recurrent(row, k);
            }
            recurrentBias[row] = weights.b()[rows + row];
        }
    }

    /** The next states of every state in {@code state} on the digit pair {@code pair}. */
    AffineForm next(AffineForm state, int pair, AffineForm.Symbols symbols) {
        return switch (cell) {
            case RNN -> preactivation(state, 0, pair).activated(AffineForm.TANH, symbols);
            case LSTM -> lstm(state, pair, symbols);
            case GRU, GRU_LINEAR_BEFORE_RESET -> gru(state, pair, symbols);
        };
    }

    private AffineForm lstm(AffineForm state, int pair, AffineForm.Symbols symbols) {
        AffineForm h = state.rows(0, hidden);
        AffineForm c = state.rows(hidden, 2 * hidden);
        AffineForm i = preactivation(h, LSTM_INPUT, pair).activated(AffineForm.SIGMOID, symbols);
        AffineForm o = preactivation(h, LSTM_OUTPUT, pair).activated(AffineForm.SIGMOID, symbols);
        AffineForm f = preactivation(h, LSTM_FORGET, pair).activated(AffineForm.SIGMOID, symbols);
        AffineForm g = preactivation(h, LSTM_CELL, pair).activated(AffineForm.TANH, symbols);
        AffineForm nextC = f.times(c, symbols).plus(i.times(g, symbols), +1);
        return o.times(nextC.activated(AffineForm.TANH, symbols), symbols).stack(nextC);
    }

    private AffineForm gru(AffineForm h, int pair, AffineForm.Symbols symbols) {
        AffineForm z = preactivation(h, GRU_UPDATE, pair).activated(AffineForm.SIGMOID, symbols);
        AffineForm r = preactivation(h, GRU_RESET, pair).activated(AffineForm.SIGMOID, symbols);
        int first = GRU_CANDIDATE * hidden;
        double[] low = Arrays.copyOfRange(constants.constantLow(pair), first, first + hidden);
        double[] high = Arrays.copyOfRange(constants.constantHigh(pair), first, first + hidden);
        AffineForm candidate;
        if (cell.linearBeforeReset()) {
            double[] bias = Arrays.copyOfRange(recurrentBias, first, first + hidden);
            AffineForm gated = r.times(h.linear(recurrent, first, hidden, bias, bias), symbols);
            candidate = gated.shifted(low, high).activated(AffineForm.TANH, symbols);
        } else {
            candidate = r.times(h, symbols).linear(recurrent, first, hidden, low, high)
                    .activated(AffineForm.TANH, symbols);
        }
        return candidate.plus(z.times(h.plus(candidate, -1), symbols), +1);
    }

    /** Gate block {@code gate}'s preactivation over the hidden part {@code h}, on {@code pair}. */
    private AffineForm preactivation(AffineForm h, int gate, int pair) {
        int first = gate * hidden;
        return h.linear(recurrent, first, hidden, Arrays.copyOfRange(constants.constantLow(pair), first, first + hidden),
                Arrays.copyOfRange(constants.constantHigh(pair), first, first + hidden));
    }
}
