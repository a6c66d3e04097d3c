package io.neuraladder.train.certify;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;

/**
 * A gated cell's step over a box, bounded twice and intersected: by the term-by-term interval step
 * ({@link IntervalCell}) and by the mean-value theorem, {@code F(B) ⊆ F(m) + |J(B)| · rad(B)} with
 * {@code J(B)} the Jacobian's enclosure over the box, each entry one signed interval so that terms of
 * opposite signs cancel. The same derivatives as the runtime's checker uses (its
 * {@code MeanValueStep}, whose Javadoc lists them), written again here so that the search and the
 * check share no code. Where a network contracts but its interval step does not, this bound is what
 * lets boxes close.
 */
final class MeanValueCell implements IntervalCell {

    private final CellWeights weights;
    private final IntervalCell interval;
    private final int hidden;

    MeanValueCell(CellWeights weights) {
        if (weights.cell() == CellType.RNN) {
            throw new IllegalArgumentException("an RNN's interval step is already the exact hull");
        }
        this.weights = weights;
        this.interval = IntervalCell.of(weights);
        this.hidden = weights.hidden();
    }

    @Override
    public StateBox step(StateBox box, int a, int b) {
        StateBox bound = interval.step(box, a, b);
        int n = box.size();
        StateBox middle = StateBox.zero(n);
        double[] radius = new double[n];
        for (int k = 0; k < n; k++) {
            double m = box.low(k) + (box.high(k) - box.low(k)) / 2;
            middle.set(k, m, m);
            radius[k] = Math.max(m - box.low(k), box.high(k) - m) * (1 + Intervals.ROUNDING);
        }
        StateBox atMiddle = interval.step(middle, a, b);
        double[][][] jacobian = weights.cell() == CellType.LSTM ? lstmJacobian(box, bound, a, b) : gruJacobian(box, a, b);
        StateBox narrowed = StateBox.zero(n);
        for (int i = 0; i < n; i++) {
            double spread = 0;
            for (int k = 0; k < n; k++) {
                double[] entry = jacobian[i][k];
                if (entry != null) {
                    spread += Math.max(Math.abs(entry[0]), Math.abs(entry[1])) * radius[k];
                }
            }
            spread = spread * (1 + Intervals.ROUNDING) + Double.MIN_NORMAL;
            narrowed.set(i, Math.max(bound.low(i), atMiddle.low(i) - spread),
                    Math.min(bound.high(i), atMiddle.high(i) + spread));
        }
        return narrowed;
    }

    private double[][][] lstmJacobian(StateBox box, StateBox next, int a, int b) {
        double[][] h = Intervals.hidden(box, hidden);
        double[][][] jacobian = new double[2 * hidden][2 * hidden][];
        for (int j = 0; j < hidden; j++) {
            double[] input = pre(CellWeights.INPUT_GATE, j, h, a, b);
            double[] output = pre(CellWeights.OUTPUT_GATE, j, h, a, b);
            double[] forget = pre(CellWeights.FORGET_GATE, j, h, a, b);
            double[] cell = pre(CellWeights.CELL_GATE, j, h, a, b);
            double[] i = Intervals.sigmoid(input);
            double[] o = Intervals.sigmoid(output);
            double[] f = Intervals.sigmoid(forget);
            double[] g = Intervals.tanh(cell);
            double[] nextMemory = next.interval(hidden + j);
            double[] outputSlope = Intervals.multiply(o, tanhSlope(nextMemory));
            double[] forgetTerm = Intervals.multiply(box.interval(hidden + j), sigmoidSlope(forget));
            double[] inputTerm = Intervals.multiply(g, sigmoidSlope(input));
            double[] cellTerm = Intervals.multiply(i, tanhSlope(cell));
            double[] outputGateTerm = Intervals.multiply(sigmoidSlope(output), Intervals.tanh(nextMemory));
            for (int k = 0; k < hidden; k++) {
                double[] memoryByH = Intervals.add(Intervals.add(
                        Intervals.scale(recurrent(CellWeights.FORGET_GATE, j, k), forgetTerm),
                        Intervals.scale(recurrent(CellWeights.INPUT_GATE, j, k), inputTerm)),
                        Intervals.scale(recurrent(CellWeights.CELL_GATE, j, k), cellTerm));
                jacobian[hidden + j][k] = memoryByH;
                jacobian[j][k] = Intervals.add(Intervals.scale(recurrent(CellWeights.OUTPUT_GATE, j, k), outputGateTerm),
                        Intervals.multiply(outputSlope, memoryByH));
            }
            jacobian[hidden + j][hidden + j] = f;
            jacobian[j][hidden + j] = Intervals.multiply(outputSlope, f);
        }
        return jacobian;
    }

    private double[][][] gruJacobian(StateBox box, int a, int b) {
        double[][] h = Intervals.hidden(box, hidden);
        boolean resetAfter = weights.cell().linearBeforeReset();
        double[][] reset = new double[hidden][];
        double[][] resetSlope = new double[hidden][];
        double[][] gated = new double[hidden][];
        for (int m = 0; m < hidden; m++) {
            double[] resetPre = pre(CellWeights.RESET_GATE, m, h, a, b);
            reset[m] = Intervals.sigmoid(resetPre);
            resetSlope[m] = sigmoidSlope(resetPre);
            gated[m] = Intervals.multiply(reset[m], h[m]);
        }
        double[][][] jacobian = new double[hidden][hidden][];
        for (int j = 0; j < hidden; j++) {
            int row = weights.row(CellWeights.CANDIDATE_GATE, j);
            double constant = weights.bias()[row] + weights.inputTerm(row, a, b);
            double[] recurrent = null;
            double[] candidatePre;
            if (resetAfter) {
                recurrent = Intervals.withConstant(Intervals.recurrentTerm(weights, row, h),
                        weights.resetGatedBias()[j], Math.abs(weights.resetGatedBias()[j]));
                candidatePre = Intervals.add(Intervals.multiply(reset[j], recurrent), new double[] {constant, constant});
            } else {
                candidatePre = Intervals.withConstant(Intervals.recurrentTerm(weights, row, gated), constant,
                        Math.abs(constant));
            }
            double[] candidate = Intervals.tanh(candidatePre);
            double[] candidateSlope = tanhSlope(candidatePre);
            double[] updatePre = pre(CellWeights.UPDATE_GATE, j, h, a, b);
            double[] update = Intervals.sigmoid(updatePre);
            double[] updateTerm = Intervals.multiply(sigmoidSlope(updatePre),
                    Intervals.add(h[j], new double[] {-candidate[1], -candidate[0]}));
            double[] keep = {1 - update[1], 1 - update[0]};
            for (int k = 0; k < hidden; k++) {
                double[] byReset;
                if (resetAfter) {
                    byReset = Intervals.add(Intervals.multiply(Intervals.scale(recurrent(CellWeights.RESET_GATE, j, k),
                            resetSlope[j]), recurrent), Intervals.scale(weights.recurrentWeights()[row][k], reset[j]));
                } else {
                    byReset = Intervals.scale(weights.recurrentWeights()[row][k], reset[k]);
                    for (int m = 0; m < hidden; m++) {
                        byReset = Intervals.add(byReset, Intervals.scale(recurrent(CellWeights.RESET_GATE, m, k)
                                * weights.recurrentWeights()[row][m], Intervals.multiply(h[m], resetSlope[m])));
                    }
                }
                double[] entry = Intervals.add(Intervals.scale(recurrent(CellWeights.UPDATE_GATE, j, k), updateTerm),
                        Intervals.multiply(keep, Intervals.multiply(candidateSlope, byReset)));
                jacobian[j][k] = j == k ? Intervals.add(entry, update) : entry;
            }
        }
        return jacobian;
    }

    private double recurrent(int gate, int unit, int k) {
        return weights.recurrentWeights()[weights.row(gate, unit)][k];
    }

    private double[] pre(int gate, int unit, double[][] h, int a, int b) {
        return Intervals.preactivation(weights, weights.row(gate, unit), h, a, b);
    }

    /** σ' over an interval: largest nearest 0, least at the end farthest from it. */
    private static double[] sigmoidSlope(double[] x) {
        double farthest = Math.abs(x[0]) > Math.abs(x[1]) ? x[0] : x[1];
        double nearest = x[0] <= 0 && x[1] >= 0 ? 0 : x[0] > 0 ? x[0] : x[1];
        return Intervals.widen(slope(RecurrentCell.sigmoid(farthest)), slope(RecurrentCell.sigmoid(nearest)), 1);
    }

    private static double slope(double s) {
        return s * (1 - s);
    }

    /** tanh' over an interval: largest nearest 0, least at the end farthest from it. */
    private static double[] tanhSlope(double[] x) {
        double farthest = Math.abs(x[0]) > Math.abs(x[1]) ? x[0] : x[1];
        double nearest = x[0] <= 0 && x[1] >= 0 ? 0 : x[0] > 0 ? x[0] : x[1];
        double steep = RecurrentCell.tanh(farthest);
        double flat = RecurrentCell.tanh(nearest);
        return Intervals.widen(1 - steep * steep, 1 - flat * flat, 1);
    }
}
