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
 * The preactivations are {@link AffineForm#linear} maps of the hidden part, computed once per source
 * form for every pair ({@link #prepare}), then shifted by each pair's outward-rounded constants from
 * {@link IntervalStep}; σ and tanh are {@link AffineForm#activated};
 * the products are {@link AffineForm#times}. The GRU's blend {@code (1 − z) ĥ + z h} is computed as
 * {@code ĥ + z (h − ĥ)}, the same real number with one product instead of two.
 */
final class AffineStep {

    /**
     * A source form and the part of its step that no digit pair changes: the recurrent terms
     * {@code R h} of the gate blocks (with PyTorch's GRU, its candidate's {@code R_h h + Rb_h}),
     * computed once for all pairs, as {@link IntervalStep#recurrentTerms} does for a box.
     */
    record Prepared(AffineForm state, AffineForm recurrentTerms) {}

    private final CellType cell;
    private final int hidden;
    private final double[][] recurrent;
    /** The constants the recurrent terms start from: zero, or {@code Rb_h} for PyTorch's GRU candidate. */
    private final double[] recurrentConstant;
    /** {@code [pair][gate]}: the gate block's pair-dependent constant bounds, outward-rounded by {@link IntervalStep}. */
    private final double[][][] constantLow;
    private final double[][][] constantHigh;

    AffineStep(CellParameters weights) {
        this.cell = weights.cell();
        this.hidden = weights.hidden();
        IntervalStep constants = new IntervalStep(weights);
        int gates = cell.gates();
        int rows = gates * hidden;
        recurrent = new double[rows][hidden];
        recurrentConstant = new double[preparedRows()];
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < hidden; k++) {
                recurrent[row][k] = weights.recurrent(row, k);
            }
            if (cell.linearBeforeReset() && row >= GRU_CANDIDATE * hidden) {
                recurrentConstant[row] = weights.b()[rows + row];
            }
        }
        int pairs = weights.radix() * weights.radix();
        constantLow = new double[pairs][gates][];
        constantHigh = new double[pairs][gates][];
        for (int pair = 0; pair < pairs; pair++) {
            for (int gate = 0; gate < gates; gate++) {
                int first = gate * hidden;
                constantLow[pair][gate] = Arrays.copyOfRange(constants.constantLow(pair), first, first + hidden);
                constantHigh[pair][gate] = Arrays.copyOfRange(constants.constantHigh(pair), first, first + hidden);
            }
        }
    }

    /**
     * The rows whose recurrent terms do not depend on the pair: every gate's, but for the GRU
     * with {@code linear_before_reset = 0}, whose candidate multiplies the reset gate into h first.
     */
    private int preparedRows() {
        return (cell == CellType.GRU ? GRU_CANDIDATE : cell.gates()) * hidden;
    }

    /** The pair-independent part of {@code state}'s step. */
    Prepared prepare(AffineForm state) {
        int rows = preparedRows();
        return new Prepared(state, state.rows(0, hidden).linear(recurrent, 0, rows, recurrentConstant,
                recurrentConstant));
    }

    /** The next states of every state in {@code state} on the digit pair {@code pair}. */
    AffineForm next(AffineForm state, int pair, AffineForm.Symbols symbols) {
        return next(prepare(state), pair, symbols);
    }

    /** The next states of every state in the prepared form on the digit pair {@code pair}. */
    AffineForm next(Prepared prepared, int pair, AffineForm.Symbols symbols) {
        return switch (cell) {
            case RNN -> preactivation(prepared, 0, pair).activated(AffineForm.TANH, symbols);
            case LSTM -> lstm(prepared, pair, symbols);
            case GRU, GRU_LINEAR_BEFORE_RESET -> gru(prepared, pair, symbols);
        };
    }

    private AffineForm lstm(Prepared prepared, int pair, AffineForm.Symbols symbols) {
        AffineForm c = prepared.state().rows(hidden, 2 * hidden);
        AffineForm i = preactivation(prepared, LSTM_INPUT, pair).activated(AffineForm.SIGMOID, symbols);
        AffineForm o = preactivation(prepared, LSTM_OUTPUT, pair).activated(AffineForm.SIGMOID, symbols);
        AffineForm f = preactivation(prepared, LSTM_FORGET, pair).activated(AffineForm.SIGMOID, symbols);
        AffineForm g = preactivation(prepared, LSTM_CELL, pair).activated(AffineForm.TANH, symbols);
        AffineForm nextC = f.times(c, symbols).plus(i.times(g, symbols), +1);
        return o.times(nextC.activated(AffineForm.TANH, symbols), symbols).stack(nextC);
    }

    private AffineForm gru(Prepared prepared, int pair, AffineForm.Symbols symbols) {
        AffineForm h = prepared.state();
        AffineForm z = preactivation(prepared, GRU_UPDATE, pair).activated(AffineForm.SIGMOID, symbols);
        AffineForm r = preactivation(prepared, GRU_RESET, pair).activated(AffineForm.SIGMOID, symbols);
        double[] low = constantLow[pair][GRU_CANDIDATE];
        double[] high = constantHigh[pair][GRU_CANDIDATE];
        AffineForm candidate;
        if (cell.linearBeforeReset()) {
            AffineForm gated = r.times(recurrentTerms(prepared, GRU_CANDIDATE), symbols);
            candidate = gated.shifted(low, high).activated(AffineForm.TANH, symbols);
        } else {
            candidate = r.times(h, symbols).linear(recurrent, GRU_CANDIDATE * hidden, hidden, low, high)
                    .activated(AffineForm.TANH, symbols);
        }
        return candidate.plus(z.times(h.plus(candidate, -1), symbols), +1);
    }

    /** Gate block {@code gate}'s preactivation on {@code pair}: its recurrent terms plus the pair's constants. */
    private AffineForm preactivation(Prepared prepared, int gate, int pair) {
        return recurrentTerms(prepared, gate).shifted(constantLow[pair][gate], constantHigh[pair][gate]);
    }

    private AffineForm recurrentTerms(Prepared prepared, int gate) {
        return prepared.recurrentTerms().rows(gate * hidden, (gate + 1) * hidden);
    }
}
