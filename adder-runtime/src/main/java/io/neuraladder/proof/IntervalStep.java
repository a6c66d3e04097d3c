package io.neuraladder.proof;

import io.neuraladder.contract.CellType;

/**
 * One step of the model's cell, with ONNX's equations, over a box of states: bounds on every
 * component of the next state that hold for every state in the box, rounded outward
 * ({@link Outward}). With {@code pre(row)} the preactivation {@code W x + R h + Wb + Rb} of a row:
 *
 * <pre>
 * RNN:   h' = tanh(pre)
 * GRU:   z = σ(pre_z)   r = σ(pre_r)   ĥ = tanh(W_h x + R_h (r ⊙ h) + Wb_h + Rb_h)   h' = (1 − z) ĥ + z h
 * LSTM:  i = σ(pre_i)   o = σ(pre_o)   f = σ(pre_f)   g = tanh(pre_c)   c' = f c + i g   h' = o tanh(c')
 * </pre>
 *
 * <p>Each preactivation is an affine map of the box, bounded term by term; σ and tanh are
 * increasing, so they are bounded at the interval's ends; products of intervals take their extreme
 * corners; the GRU's blend is linear in each of z, ĥ and h, so over independent intervals its
 * extremes lie at the 8 corners. Treating z, ĥ and h (or f, c, i, g, o) as independent only widens
 * the bounds. Not for concurrent use.
 */
final class IntervalStep {

    private static final int RNN_GATE = 0;
    private static final int GRU_UPDATE = 0;
    private static final int GRU_RESET = 1;
    private static final int GRU_CANDIDATE = 2;
    private static final int LSTM_INPUT = 0;
    private static final int LSTM_OUTPUT = 1;
    private static final int LSTM_FORGET = 2;
    private static final int LSTM_CELL = 3;

    private final CellParameters weights;
    private final int hidden;
    private final int radix;
    /** The preactivation's part that does not depend on the state, per digit pair and row. */
    private final double[][] constantLow;
    private final double[][] constantHigh;
    private final double[] preactivation = new double[2];
    private final double[] resetLow;
    private final double[] resetHigh;

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
                low = Outward.addLow(low, weights.b()[rows + row]);
                high = Outward.addHigh(high, weights.b()[rows + row]);
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

    /** Writes into {@code low}/{@code high} the bounds of {@code R_row · h} over {@code h ∈ [hl, hh]}. */
    void recurrentTerm(int row, double[] hl, double[] hh, double[] bounds) {
        double low = 0;
        double high = 0;
        for (int k = 0; k < hidden; k++) {
            double r = weights.recurrent(row, k);
            low = Outward.addLow(low, Outward.scaleLow(r, hl[k], hh[k]));
            high = Outward.addHigh(high, Outward.scaleHigh(r, hl[k], hh[k]));
        }
        bounds[0] = low;
        bounds[1] = high;
    }

    /**
     * Writes into {@code nextLow}/{@code nextHigh} bounds of the next state for every state in the
     * box {@code [low, high]} on the digit pair {@code pair}.
     */
    void image(double[] low, double[] high, int pair, double[] nextLow, double[] nextHigh) {
        CellType cell = weights.cell();
        switch (cell) {
            case RNN -> {
                for (int j = 0; j < hidden; j++) {
                    preactivation(weights.row(RNN_GATE, j), low, high, pair);
                    nextLow[j] = Outward.tanhLow(preactivation[0]);
                    nextHigh[j] = Outward.tanhHigh(preactivation[1]);
                }
            }
            case GRU -> gruImage(low, high, pair, nextLow, nextHigh);
            case LSTM -> lstmImage(low, high, pair, nextLow, nextHigh);
        }
    }

    private void gruImage(double[] low, double[] high, int pair, double[] nextLow, double[] nextHigh) {
        for (int j = 0; j < hidden; j++) {
            preactivation(weights.row(GRU_RESET, j), low, high, pair);
            double rl = Outward.sigmoidLow(preactivation[0]);
            double rh = Outward.sigmoidHigh(preactivation[1]);
            resetLow[j] = Outward.productLow(rl, rh, low[j], high[j]);
            resetHigh[j] = Outward.productHigh(rl, rh, low[j], high[j]);
        }
        for (int j = 0; j < hidden; j++) {
            preactivation(weights.row(GRU_UPDATE, j), low, high, pair);
            double[] z = {Outward.sigmoidLow(preactivation[0]), Outward.sigmoidHigh(preactivation[1])};
            preactivation(weights.row(GRU_CANDIDATE, j), resetLow, resetHigh, pair);
            double[] candidate = {Outward.tanhLow(preactivation[0]), Outward.tanhHigh(preactivation[1])};
            double[] previous = {low[j], high[j]};
            double blendLow = Double.POSITIVE_INFINITY;
            double blendHigh = Double.NEGATIVE_INFINITY;
            for (double zc : z) {
                double keepLow = Outward.addLow(1, -zc);
                double keepHigh = Outward.addHigh(1, -zc);
                for (double uc : candidate) {
                    for (double vc : previous) {
                        blendLow = Math.min(blendLow, Outward.addLow(Outward.productLow(keepLow, keepHigh, uc, uc),
                                Outward.productLow(zc, zc, vc, vc)));
                        blendHigh = Math.max(blendHigh, Outward.addHigh(
                                Outward.productHigh(keepLow, keepHigh, uc, uc), Outward.productHigh(zc, zc, vc, vc)));
                    }
                }
            }
            nextLow[j] = blendLow;
            nextHigh[j] = blendHigh;
        }
    }

    private void lstmImage(double[] low, double[] high, int pair, double[] nextLow, double[] nextHigh) {
        for (int j = 0; j < hidden; j++) {
            double[] i = sigmoid(weights.row(LSTM_INPUT, j), low, high, pair);
            double[] o = sigmoid(weights.row(LSTM_OUTPUT, j), low, high, pair);
            double[] f = sigmoid(weights.row(LSTM_FORGET, j), low, high, pair);
            preactivation(weights.row(LSTM_CELL, j), low, high, pair);
            double gl = Outward.tanhLow(preactivation[0]);
            double gh = Outward.tanhHigh(preactivation[1]);
            double cl = Outward.addLow(Outward.productLow(f[0], f[1], low[hidden + j], high[hidden + j]),
                    Outward.productLow(i[0], i[1], gl, gh));
            double ch = Outward.addHigh(Outward.productHigh(f[0], f[1], low[hidden + j], high[hidden + j]),
                    Outward.productHigh(i[0], i[1], gl, gh));
            double tl = Outward.tanhLow(cl);
            double th = Outward.tanhHigh(ch);
            nextLow[j] = Outward.productLow(o[0], o[1], tl, th);
            nextHigh[j] = Outward.productHigh(o[0], o[1], tl, th);
            nextLow[hidden + j] = cl;
            nextHigh[hidden + j] = ch;
        }
    }

    private double[] sigmoid(int row, double[] low, double[] high, int pair) {
        preactivation(row, low, high, pair);
        return new double[] {Outward.sigmoidLow(preactivation[0]), Outward.sigmoidHigh(preactivation[1])};
    }

    /** Sets {@link #preactivation} to the bounds of row {@code row}'s preactivation over {@code h ∈ [hl, hh]}. */
    private void preactivation(int row, double[] hl, double[] hh, int pair) {
        recurrentTerm(row, hl, hh, preactivation);
        preactivation[0] = Outward.addLow(preactivation[0], constantLow[pair][row]);
        preactivation[1] = Outward.addHigh(preactivation[1], constantHigh[pair][row]);
    }
}
