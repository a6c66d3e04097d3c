package io.neuraladder.proof;

import io.neuraladder.contract.CellType;

/**
 * A second bound on one GRU or LSTM step over a box, by the mean-value theorem: for a box B with a
 * point m in it, every component of the step satisfies {@code F_i(x) − F_i(m) = ∇F_i(ξ) · (x − m)}
 * for some ξ on the segment from m to x, which lies in B (a box is convex), so
 *
 * <pre>
 * F_i(B) ⊆ F_i(m) + Σ_k |J_ik(B)| · rad_k        rad_k ≥ max(m_k − low_k, high_k − m_k)
 * </pre>
 *
 * with {@code J(B)} an interval enclosure of the Jacobian over B, each entry computed as one signed
 * interval (so that terms of opposite signs cancel, which {@link IntervalStep}'s term-by-term
 * bounds cannot do), and {@code F(m)} bounded by {@link IntervalStep} on the point box. The
 * derivatives, with σ' = σ(1 − σ) and tanh' = 1 − tanh² bounded by {@link Range}:
 *
 * <pre>
 * LSTM:  ∂c'_j/∂h_k = c_j σ'(f_j) R_f[j,k] + g_j σ'(i_j) R_i[j,k] + i_j tanh'(g_j) R_g[j,k]    ∂c'_j/∂c_j = f_j
 *        ∂h'_j/∂h_k = σ'(o_j) R_o[j,k] tanh(c'_j) + o_j tanh'(c'_j) ∂c'_j/∂h_k           ∂h'_j/∂c_j = o_j tanh'(c'_j) f_j
 * GRU:   ∂h'_j/∂h_k = σ'(z_j) R_z[j,k] (h_j − ĥ_j) + (1 − z_j) ∂ĥ_j/∂h_k + [j = k] z_j
 *        ∂ĥ_j/∂h_k = tanh'(n_j) (R_h[j,k] r_k + Σ_m R_h[j,m] h_m σ'(r_m) R_r[m,k])        (linear_before_reset = 0)
 *        ∂ĥ_j/∂h_k = tanh'(n_j) (σ'(r_j) R_r[j,k] q_j + r_j R_h[j,k]),  q = R_h h + Rb_h     (linear_before_reset = 1)
 * </pre>
 *
 * where every gate and preactivation is its interval over B. The checker intersects this bound with
 * {@link IntervalStep}'s; both hold, so their intersection does. Not for concurrent use.
 */
final class MeanValueStep {

    private static final int GRU_UPDATE = 0;
    private static final int GRU_RESET = 1;
    private static final int GRU_CANDIDATE = 2;
    private static final int LSTM_INPUT = 0;
    private static final int LSTM_OUTPUT = 1;
    private static final int LSTM_FORGET = 2;
    private static final int LSTM_CELL = 3;

    private final CellParameters weights;
    private final IntervalStep step;
    private final int hidden;
    /** {@code R_row · h} over the box, by row, as the last {@link #preactivations} found them. */
    private Range[] recurrentTerms;

    MeanValueStep(CellParameters weights, IntervalStep step) {
        if (weights.cell() == CellType.RNN) {
            throw new IllegalArgumentException("an RNN's interval step is already the exact hull; no second bound helps");
        }
        this.weights = weights;
        this.step = step;
        this.hidden = weights.hidden();
    }

    /**
     * Narrows {@code nextLow}/{@code nextHigh}, bounds of the step from the box {@code [low, high]}
     * on {@code pair}, to their intersection with the mean-value bound.
     */
    void narrow(double[] low, double[] high, int pair, double[] nextLow, double[] nextHigh) {
        int n = weights.stateSize();
        double[] middle = new double[n];
        double[] radius = new double[n];
        for (int k = 0; k < n; k++) {
            middle[k] = low[k] + (high[k] - low[k]) / 2;
            if (!(middle[k] >= low[k] && middle[k] <= high[k])) {
                middle[k] = low[k];
            }
            radius[k] = Math.max(Outward.addHigh(middle[k], -low[k]), Outward.addHigh(high[k], -middle[k]));
        }
        double[] atMiddleLow = new double[n];
        double[] atMiddleHigh = new double[n];
        image(middle, middle, pair, atMiddleLow, atMiddleHigh);
        Range[][] jacobian = jacobian(low, high, pair, nextLow, nextHigh);
        for (int i = 0; i < n; i++) {
            double spread = 0;
            for (int k = 0; k < n; k++) {
                Range entry = jacobian[i][k];
                if (entry != null) {
                    spread = Outward.addHigh(spread, Math.nextUp(entry.magnitude() * radius[k]));
                }
            }
            nextLow[i] = Math.max(nextLow[i], Outward.addLow(atMiddleLow[i], -spread));
            nextHigh[i] = Math.min(nextHigh[i], Outward.addHigh(atMiddleHigh[i], spread));
        }
    }

    private void image(double[] low, double[] high, int pair, double[] nextLow, double[] nextHigh) {
        double[] recurrentLow = new double[step.rows()];
        double[] recurrentHigh = new double[step.rows()];
        step.recurrentTerms(low, high, recurrentLow, recurrentHigh);
        step.image(low, high, recurrentLow, recurrentHigh, pair, nextLow, nextHigh);
    }

    /**
     * The Jacobian's enclosure over the box, {@code [row][column]} over the state (h, then c);
     * {@code null} entries are exact zeros. {@code nextLow}/{@code nextHigh} bound the step's image
     * (an LSTM's c' is read from them).
     */
    private Range[][] jacobian(double[] low, double[] high, int pair, double[] nextLow, double[] nextHigh) {
        Range[] pre = preactivations(low, high, pair);
        Range[] h = new Range[hidden];
        for (int k = 0; k < hidden; k++) {
            h[k] = new Range(low[k], high[k]);
        }
        return weights.cell() == CellType.LSTM ? lstmJacobian(pre, low, high, nextLow, nextHigh)
                : gruJacobian(pre, h, pair);
    }

    private Range[] preactivations(double[] low, double[] high, int pair) {
        double[] recurrentLow = new double[step.rows()];
        double[] recurrentHigh = new double[step.rows()];
        step.recurrentTerms(low, high, recurrentLow, recurrentHigh);
        Range[] pre = new Range[step.rows()];
        recurrentTerms = new Range[step.rows()];
        for (int row = 0; row < pre.length; row++) {
            recurrentTerms[row] = new Range(recurrentLow[row], recurrentHigh[row]);
            pre[row] = recurrentTerms[row].plus(new Range(step.constantLow(pair)[row], step.constantHigh(pair)[row]));
        }
        return pre;
    }

    private Range[][] lstmJacobian(Range[] pre, double[] low, double[] high, double[] nextLow, double[] nextHigh) {
        Range[][] jacobian = new Range[2 * hidden][2 * hidden];
        for (int j = 0; j < hidden; j++) {
            Range input = pre[weights.row(LSTM_INPUT, j)];
            Range output = pre[weights.row(LSTM_OUTPUT, j)];
            Range forget = pre[weights.row(LSTM_FORGET, j)];
            Range cell = pre[weights.row(LSTM_CELL, j)];
            Range i = input.sigmoid();
            Range o = output.sigmoid();
            Range f = forget.sigmoid();
            Range g = cell.tanh();
            Range memory = new Range(low[hidden + j], high[hidden + j]);
            Range nextMemory = new Range(nextLow[hidden + j], nextHigh[hidden + j]);
            Range squashed = nextMemory.tanh();
            Range outputSlope = o.times(nextMemory.tanhSlope());
            Range forgetTerm = memory.times(forget.sigmoidSlope());
            Range inputTerm = g.times(input.sigmoidSlope());
            Range cellTerm = i.times(cell.tanhSlope());
            Range outputGateTerm = output.sigmoidSlope().times(squashed);
            for (int k = 0; k < hidden; k++) {
                Range memoryByH = forgetTerm.times(weights.recurrent(weights.row(LSTM_FORGET, j), k))
                        .plus(inputTerm.times(weights.recurrent(weights.row(LSTM_INPUT, j), k)))
                        .plus(cellTerm.times(weights.recurrent(weights.row(LSTM_CELL, j), k)));
                jacobian[hidden + j][k] = memoryByH;
                jacobian[j][k] = outputGateTerm.times(weights.recurrent(weights.row(LSTM_OUTPUT, j), k))
                        .plus(outputSlope.times(memoryByH));
            }
            jacobian[hidden + j][hidden + j] = f;
            jacobian[j][hidden + j] = outputSlope.times(f);
        }
        return jacobian;
    }

    private Range[][] gruJacobian(Range[] pre, Range[] h, int pair) {
        boolean resetAfter = weights.cell().linearBeforeReset();
        Range[] reset = new Range[hidden];
        Range[] resetSlope = new Range[hidden];
        Range[] gated = new Range[hidden];
        for (int m = 0; m < hidden; m++) {
            reset[m] = pre[weights.row(GRU_RESET, m)].sigmoid();
            resetSlope[m] = pre[weights.row(GRU_RESET, m)].sigmoidSlope();
            gated[m] = reset[m].times(h[m]);
        }
        Range[][] jacobian = new Range[hidden][hidden];
        for (int j = 0; j < hidden; j++) {
            int candidateRow = weights.row(GRU_CANDIDATE, j);
            Range constant = new Range(step.constantLow(pair)[candidateRow], step.constantHigh(pair)[candidateRow]);
            Range recurrent = resetAfter ? recurrentTerms[candidateRow]
                    .plus(Range.point(weights.b()[step.rows() + candidateRow])) : null;
            Range candidatePre = resetAfter ? constant.plus(reset[j].times(recurrent))
                    : constant.plus(dot(candidateRow, gated));
            Range candidate = candidatePre.tanh();
            Range candidateSlope = candidatePre.tanhSlope();
            Range update = pre[weights.row(GRU_UPDATE, j)].sigmoid();
            Range updateTerm = pre[weights.row(GRU_UPDATE, j)].sigmoidSlope().times(h[j].minus(candidate));
            Range keep = Range.point(1).minus(update);
            for (int k = 0; k < hidden; k++) {
                Range byReset;
                if (resetAfter) {
                    byReset = resetSlope[j].times(weights.recurrent(weights.row(GRU_RESET, j), k)).times(recurrent)
                            .plus(reset[j].times(weights.recurrent(candidateRow, k)));
                } else {
                    byReset = reset[k].times(weights.recurrent(candidateRow, k));
                    for (int m = 0; m < hidden; m++) {
                        byReset = byReset.plus(h[m].times(resetSlope[m])
                                .times(weights.recurrent(weights.row(GRU_RESET, m), k))
                                .times(weights.recurrent(candidateRow, m)));
                    }
                }
                Range entry = updateTerm.times(weights.recurrent(weights.row(GRU_UPDATE, j), k))
                        .plus(keep.times(candidateSlope.times(byReset)));
                jacobian[j][k] = j == k ? entry.plus(update) : entry;
            }
        }
        return jacobian;
    }

    /** {@code R_row · v} over the intervals {@code v}, term by term. */
    private Range dot(int row, Range[] v) {
        Range sum = Range.ZERO;
        for (int m = 0; m < hidden; m++) {
            sum = sum.plus(v[m].times(weights.recurrent(row, m)));
        }
        return sum;
    }
}
