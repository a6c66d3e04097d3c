package io.neuraladder.proof;

/**
 * One step of the model's cell, with ONNX's equations, over a box of states: bounds on every
 * component of the next state that hold for every state in the box, rounded outward
 * ({@link Outward}). With {@code pre(row)} the preactivation {@code W x + R h + Wb + Rb} of a row:
 *
 * <pre>
 * RNN:   h' = tanh(pre)
 * GRU:   z = σ(pre_z)   r = σ(pre_r)   ĥ = tanh(W_h x + R_h (r ⊙ h) + Wb_h + Rb_h)   h' = (1 − z) ĥ + z h
 *        with linear_before_reset = 1 (PyTorch's): ĥ = tanh(W_h x + Wb_h + r ⊙ (R_h h + Rb_h))
 * LSTM:  i = σ(pre_i)   o = σ(pre_o)   f = σ(pre_f)   g = tanh(pre_c)   c' = f c + i g   h' = o tanh(c')
 * </pre>
 *
 * <p>Each preactivation is an affine map of the box: its state part is bounded as one dot product
 * per row with its rounding error bound, its input part once per digit pair; σ and tanh are
 * increasing, so they are bounded at the interval's ends; products of intervals take their extreme
 * corners; the GRU's blend is linear in each of z, ĥ and h, so over independent intervals its
 * extremes lie at corners ({@link #blendLow}). With {@code linear_before_reset = 1} the candidate's
 * constant part leaves out {@code Rb_h}, which joins {@code R_h h} before the product with r. Treating z, ĥ and h (or f, c, i, g, o) as
 * independent only widens the bounds. Not for concurrent use.
 */
final class IntervalStep {

    /** Gate blocks in ONNX's order: a GRU's z, r, h; an LSTM's i, o, f, c. */
    static final int GRU_UPDATE = 0;
    static final int GRU_RESET = 1;
    static final int GRU_CANDIDATE = 2;
    static final int LSTM_INPUT = 0;
    static final int LSTM_OUTPUT = 1;
    static final int LSTM_FORGET = 2;
    static final int LSTM_CELL = 3;

    private final CellParameters weights;
    private final int hidden;
    private final int radix;
    /** The preactivation's part that does not depend on the state, per digit pair and row. */
    private final double[][] constantLow;
    private final double[][] constantHigh;
    private final double[] preactivation = new double[2];
    private final double[] resetLow;
    private final double[] resetHigh;
    /** The reset gate's bounds by unit, for linear_before_reset = 1. */
    private final double[] gateLow;
    private final double[] gateHigh;

    IntervalStep(CellParameters weights) {
        this.weights = weights;
        this.hidden = weights.hidden();
        this.radix = weights.radix();
        int rows = weights.cell().gates() * hidden;
        constantLow = new double[radix * radix][rows];
        constantHigh = new double[radix * radix][rows];
        for (int pair = 0; pair < radix * radix; pair++) {
            for (int row = 0; row < rows; row++) {
                double low = weights.b()[row];
                double high = low;
                if (!isResetGated(row)) {
                    low = Outward.addLow(low, weights.b()[rows + row]);
                    high = Outward.addHigh(high, weights.b()[rows + row]);
                }
                for (int feature : activeFeatures(pair)) {
                    low = Outward.addLow(low, weights.w()[row * weights.inputs() + feature]);
                    high = Outward.addHigh(high, weights.w()[row * weights.inputs() + feature]);
                }
                constantLow[pair][row] = low;
                constantHigh[pair][row] = high;
            }
        }
        resetLow = new double[hidden];
        resetHigh = new double[hidden];
        gateLow = new double[hidden];
        gateHigh = new double[hidden];
    }

    /** Whether {@code row}'s recurrent bias is multiplied by the reset gate: a candidate row with linear_before_reset = 1. */
    private boolean isResetGated(int row) {
        return weights.cell().linearBeforeReset() && row >= weights.row(GRU_CANDIDATE, 0);
    }

    /**
     * The input features that are 1 for the digit pair {@code a · radix + b}; every other is 0. A
     * binary adder's features are the two bits; a digit-serial one's are one-hot, {@code a} in the
     * first {@code radix} and {@code b} in the next.
     */
    private int[] activeFeatures(int pair) {
        int a = pair / radix;
        int b = pair % radix;
        if (weights.inputs() == 2) {
            return a == 1 && b == 1 ? new int[] {0, 1} : a == 1 ? new int[] {0} : b == 1 ? new int[] {1} : new int[0];
        }
        return new int[] {a, radix + b};
    }

    /** The lower bounds of the preactivation's state-independent part on {@code pair}, by row. Not to be changed. */
    double[] constantLow(int pair) {
        return constantLow[pair];
    }

    /** The matching upper bounds. Not to be changed. */
    double[] constantHigh(int pair) {
        return constantHigh[pair];
    }

    /** The number of preactivation rows: one per gate and hidden unit. */
    int rows() {
        return constantLow[0].length;
    }

    /**
     * Writes into {@code recurrentLow}/{@code recurrentHigh} the bounds of {@code R_row · h} over
     * {@code h ∈ [low, high]} for every row: the part of the preactivation that depends on the
     * state but not on the digit pair, computed once per box for all its pairs.
     */
    void recurrentTerms(double[] low, double[] high, double[] recurrentLow, double[] recurrentHigh) {
        for (int row = 0; row < recurrentLow.length; row++) {
            recurrentTerm(row, low, high);
            recurrentLow[row] = preactivation[0];
            recurrentHigh[row] = preactivation[1];
        }
    }

    /**
     * Sets {@link #preactivation} to the bounds of {@code R_row · h} over {@code h ∈ [hl, hh]}:
     * exactly {@code Σ min(r hl, r hh)} and {@code Σ max(r hl, r hh)}, each summed in double and
     * widened by the dot product's rounding error bound ({@link Outward#dotProductError}).
     */
    private void recurrentTerm(int row, double[] hl, double[] hh) {
        double low = 0;
        double high = 0;
        double lowMagnitude = 0;
        double highMagnitude = 0;
        for (int k = 0; k < hidden; k++) {
            double r = weights.recurrent(row, k);
            double lowTerm = r >= 0 ? r * hl[k] : r * hh[k];
            double highTerm = r >= 0 ? r * hh[k] : r * hl[k];
            low += lowTerm;
            high += highTerm;
            lowMagnitude += Math.abs(lowTerm);
            highMagnitude += Math.abs(highTerm);
        }
        preactivation[0] = Math.nextDown(low - Outward.dotProductError(hidden, lowMagnitude));
        preactivation[1] = Math.nextUp(high + Outward.dotProductError(hidden, highMagnitude));
    }

    /**
     * Writes into {@code nextLow}/{@code nextHigh} bounds of the next state for every state in the
     * box {@code [low, high]} on the digit pair {@code pair}, given the box's
     * {@link #recurrentTerms}. For GRU and LSTM cells; an RNN's closure is checked on the
     * preactivation itself.
     */
    void image(double[] low, double[] high, double[] recurrentLow, double[] recurrentHigh, int pair,
            double[] nextLow, double[] nextHigh) {
        switch (weights.cell()) {
            case GRU, GRU_LINEAR_BEFORE_RESET -> gruImage(low, high, recurrentLow, recurrentHigh, pair, nextLow, nextHigh);
            case LSTM -> lstmImage(low, high, recurrentLow, recurrentHigh, pair, nextLow, nextHigh);
            case RNN -> throw new IllegalStateException("an RNN's closure is checked on its preactivation");
        }
    }

    private void gruImage(double[] low, double[] high, double[] recurrentLow, double[] recurrentHigh, int pair,
            double[] nextLow, double[] nextHigh) {
        for (int j = 0; j < hidden; j++) {
            preactivation(weights.row(GRU_RESET, j), recurrentLow, recurrentHigh, pair);
            double rl = Outward.sigmoidLow(preactivation[0]);
            double rh = Outward.sigmoidHigh(preactivation[1]);
            gateLow[j] = rl;
            gateHigh[j] = rh;
            resetLow[j] = Outward.productLow(rl, rh, low[j], high[j]);
            resetHigh[j] = Outward.productHigh(rl, rh, low[j], high[j]);
        }
        for (int j = 0; j < hidden; j++) {
            preactivation(weights.row(GRU_UPDATE, j), recurrentLow, recurrentHigh, pair);
            double zl = Outward.sigmoidLow(preactivation[0]);
            double zh = Outward.sigmoidHigh(preactivation[1]);
            int candidateRow = weights.row(GRU_CANDIDATE, j);
            if (weights.cell().linearBeforeReset()) {
                resetAfterProduct(j, candidateRow, recurrentLow, recurrentHigh);
            } else {
                recurrentTerm(candidateRow, resetLow, resetHigh);
            }
            double ul = Outward.tanhLow(Outward.addLow(preactivation[0], constantLow[pair][candidateRow]));
            double uh = Outward.tanhHigh(Outward.addHigh(preactivation[1], constantHigh[pair][candidateRow]));
            nextLow[j] = Math.min(blendLow(zl, ul, uh, low[j]), blendLow(zh, ul, uh, low[j]));
            nextHigh[j] = Math.max(blendHigh(zl, ul, uh, high[j]), blendHigh(zh, ul, uh, high[j]));
        }
    }

    /**
     * Sets {@link #preactivation} to the bounds of {@code r ⊙ (R_h h + Rb_h)} for unit {@code j}, with
     * r's bounds saved by {@link #gruImage} as {@code resetLow/High[j]}' factor: the reset gate's
     * interval times the box's recurrent term plus the recurrent bias.
     */
    private void resetAfterProduct(int j, int candidateRow, double[] recurrentLow, double[] recurrentHigh) {
        double bias = weights.b()[rows() + candidateRow];
        double low = Outward.addLow(recurrentLow[candidateRow], bias);
        double high = Outward.addHigh(recurrentHigh[candidateRow], bias);
        preactivation[0] = Outward.productLow(gateLow[j], gateHigh[j], low, high);
        preactivation[1] = Outward.productHigh(gateLow[j], gateHigh[j], low, high);
    }

    /**
     * A lower bound of the blend {@code (1 − z) u + z v} at the corner {@code z} of its interval,
     * over {@code u ∈ [ul, uh]} and {@code v ≥ vl}: the blend is linear in z, so its extremes lie
     * at z's ends, and z ≥ 0 (a σ bound), so {@code z v} is least at {@code vl}. The factor
     * {@code 1 − z}, rounded, is an interval around 0 … 1; its product with u takes the extreme corner.
     */
    private static double blendLow(double z, double ul, double uh, double vl) {
        double keep = 1 - z;
        return Outward.addLow(Outward.productLow(Math.nextDown(keep), Math.nextUp(keep), ul, uh),
                Math.nextDown(z * vl));
    }

    /** The matching upper bound, over {@code v ≤ vh}. */
    private static double blendHigh(double z, double ul, double uh, double vh) {
        double keep = 1 - z;
        return Outward.addHigh(Outward.productHigh(Math.nextDown(keep), Math.nextUp(keep), ul, uh),
                Math.nextUp(z * vh));
    }

    private void lstmImage(double[] low, double[] high, double[] recurrentLow, double[] recurrentHigh, int pair,
            double[] nextLow, double[] nextHigh) {
        for (int j = 0; j < hidden; j++) {
            preactivation(weights.row(LSTM_INPUT, j), recurrentLow, recurrentHigh, pair);
            double il = Outward.sigmoidLow(preactivation[0]);
            double ih = Outward.sigmoidHigh(preactivation[1]);
            preactivation(weights.row(LSTM_OUTPUT, j), recurrentLow, recurrentHigh, pair);
            double ol = Outward.sigmoidLow(preactivation[0]);
            double oh = Outward.sigmoidHigh(preactivation[1]);
            preactivation(weights.row(LSTM_FORGET, j), recurrentLow, recurrentHigh, pair);
            double fl = Outward.sigmoidLow(preactivation[0]);
            double fh = Outward.sigmoidHigh(preactivation[1]);
            preactivation(weights.row(LSTM_CELL, j), recurrentLow, recurrentHigh, pair);
            double gl = Outward.tanhLow(preactivation[0]);
            double gh = Outward.tanhHigh(preactivation[1]);
            double cl = Outward.addLow(Outward.productLow(fl, fh, low[hidden + j], high[hidden + j]),
                    Outward.productLow(il, ih, gl, gh));
            double ch = Outward.addHigh(Outward.productHigh(fl, fh, low[hidden + j], high[hidden + j]),
                    Outward.productHigh(il, ih, gl, gh));
            double tl = Outward.tanhLow(cl);
            double th = Outward.tanhHigh(ch);
            nextLow[j] = Outward.productLow(ol, oh, tl, th);
            nextHigh[j] = Outward.productHigh(ol, oh, tl, th);
            nextLow[hidden + j] = cl;
            nextHigh[hidden + j] = ch;
        }
    }

    /** Sets {@link #preactivation} to the bounds of row {@code row}'s preactivation on {@code pair}. */
    private void preactivation(int row, double[] recurrentLow, double[] recurrentHigh, int pair) {
        preactivation[0] = Outward.addLow(recurrentLow[row], constantLow[pair][row]);
        preactivation[1] = Outward.addHigh(recurrentHigh[row], constantHigh[pair][row]);
    }
}
