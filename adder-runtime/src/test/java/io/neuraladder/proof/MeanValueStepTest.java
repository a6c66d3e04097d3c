package io.neuraladder.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.CellType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mean-value bound of a step ({@link MeanValueStep}) against the step computed with exact
 * decimal sums and products at sampled points (corners and inside) of small boxes, for every gated
 * cell; the same check catches the bound when it is weakened by 1% of its spread, so the check can
 * fail; and on small boxes the bound is tighter than {@link IntervalStep}'s, which is its purpose.
 */
class MeanValueStepTest {

    private static final int HIDDEN = 4;
    private static final long SEED = 2029;

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"GRU", "GRU_LINEAR_BEFORE_RESET", "LSTM"})
    void theBound_holdsTheExactStep_andIsCaughtWhenWeakened_andBeatsTheIntervalStep(CellType cell) {
        CellParameters weights = randomWeights(cell, new SplittableRandom(SEED));
        IntervalStep step = new IntervalStep(weights);
        MeanValueStep meanValue = new MeanValueStep(weights, step);
        SplittableRandom random = new SplittableRandom(SEED + cell.ordinal());
        int n = weights.stateSize();
        int escapes = 0;
        int weakenedEscapes = 0;
        double meanValueWidth = 0;
        double intervalWidth = 0;
        for (int box = 0; box < 150; box++) {
            double[] low = new double[n];
            double[] high = new double[n];
            for (int k = 0; k < n; k++) {
                double center = 1.6 * random.nextDouble() - 0.8;
                double radius = 0.02 * random.nextDouble();
                low[k] = center - radius;
                high[k] = center + radius;
            }
            int pair = random.nextInt(4);
            double[] intervalLow = new double[n];
            double[] intervalHigh = new double[n];
            double[] recurrentLow = new double[step.rows()];
            double[] recurrentHigh = new double[step.rows()];
            step.recurrentTerms(low, high, recurrentLow, recurrentHigh);
            step.image(low, high, recurrentLow, recurrentHigh, pair, intervalLow, intervalHigh);
            double[] boundLow = new double[n];
            double[] boundHigh = new double[n];
            Arrays.fill(boundLow, Double.NEGATIVE_INFINITY);
            Arrays.fill(boundHigh, Double.POSITIVE_INFINITY);
            if (cell.hasCellState()) {
                System.arraycopy(intervalLow, 0, boundLow, 0, n);
                System.arraycopy(intervalHigh, 0, boundHigh, 0, n);
                for (int j = 0; j < HIDDEN; j++) {
                    boundLow[j] = Double.NEGATIVE_INFINITY;
                    boundHigh[j] = Double.POSITIVE_INFINITY;
                }
            }
            meanValue.narrow(low, high, pair, boundLow, boundHigh);
            for (int j = 0; j < HIDDEN; j++) {
                meanValueWidth += boundHigh[j] - boundLow[j];
                intervalWidth += intervalHigh[j] - intervalLow[j];
            }
            for (int sample = 0; sample < 48; sample++) {
                double[] state = new double[n];
                for (int k = 0; k < n; k++) {
                    state[k] = sample < 16 ? ((sample >> (k % 4)) & 1) == 0 ? low[k] : high[k]
                            : low[k] + random.nextDouble() * (high[k] - low[k]);
                }
                double[] exact = ExactSteps.step(weights, state, pair / 2, pair % 2);
                for (int j = 0; j < HIDDEN; j++) {
                    double weakening = 0.01 * (boundHigh[j] - boundLow[j]);
                    if (exact[j] < boundLow[j] - 1e-12 || exact[j] > boundHigh[j] + 1e-12) {
                        escapes++;
                    }
                    if (exact[j] < boundLow[j] + weakening || exact[j] > boundHigh[j] - weakening) {
                        weakenedEscapes++;
                    }
                }
            }
        }
        assertEquals(0, escapes, cell + ": no exact step leaves the mean-value bound");
        assertTrue(weakenedEscapes > 0, cell + ": the bound weakened by 1% is caught");
        assertTrue(meanValueWidth < intervalWidth, cell + ": on small boxes the mean-value bound is tighter ("
                + meanValueWidth + " against " + intervalWidth + ")");
    }

    static CellParameters randomWeights(CellType cell, SplittableRandom random) {
        int rows = cell.gates() * HIDDEN;
        float[] w = new float[rows * 2];
        float[] r = new float[rows * HIDDEN];
        float[] b = new float[2 * rows];
        for (float[] values : new float[][] {w, r, b}) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (3 * random.nextDouble() - 1.5);
            }
        }
        return new CellParameters(cell, HIDDEN, 2, 1, w, r, b, new float[HIDDEN], new float[1]);
    }

    /** The cells' steps with every sum and product exact ({@link BigDecimal}); σ and tanh from {@link Math}. */
    static final class ExactSteps {

        private ExactSteps() {}

        static double[] step(CellParameters p, double[] state, int a, int b) {
            int h = p.hidden();
            int rows = p.cell().gates() * h;
            double[] next = new double[p.stateSize()];
            if (p.cell() == CellType.LSTM) {
                for (int j = 0; j < h; j++) {
                    double i = sigmoid(pre(p, p.row(0, j), state, a, b));
                    double o = sigmoid(pre(p, p.row(1, j), state, a, b));
                    double f = sigmoid(pre(p, p.row(2, j), state, a, b));
                    double g = Math.tanh(pre(p, p.row(3, j), state, a, b));
                    double c = new BigDecimal(f).multiply(new BigDecimal(state[h + j]))
                            .add(new BigDecimal(i).multiply(new BigDecimal(g))).doubleValue();
                    next[h + j] = c;
                    next[j] = o * Math.tanh(c);
                }
                return next;
            }
            double[] gated = new double[h];
            double[] reset = new double[h];
            for (int m = 0; m < h; m++) {
                reset[m] = sigmoid(pre(p, p.row(1, m), state, a, b));
                gated[m] = reset[m] * state[m];
            }
            for (int j = 0; j < h; j++) {
                double z = sigmoid(pre(p, p.row(0, j), state, a, b));
                int row = p.row(2, j);
                BigDecimal input = new BigDecimal(p.b()[row]).add(new BigDecimal(p.w()[row * 2] * a))
                        .add(new BigDecimal(p.w()[row * 2 + 1] * b));
                double candidate;
                if (p.cell().linearBeforeReset()) {
                    BigDecimal recurrent = dot(p, row, state).add(new BigDecimal(p.b()[rows + row]));
                    candidate = Math.tanh(input.add(new BigDecimal(reset[j]).multiply(recurrent)).doubleValue());
                } else {
                    candidate = Math.tanh(input.add(new BigDecimal(p.b()[rows + row])).add(dot(p, row, gated))
                            .doubleValue());
                }
                next[j] = new BigDecimal(1 - z).multiply(new BigDecimal(candidate))
                        .add(new BigDecimal(z).multiply(new BigDecimal(state[j]))).doubleValue();
            }
            return next;
        }

        private static double pre(CellParameters p, int row, double[] state, int a, int b) {
            int rows = p.cell().gates() * p.hidden();
            return dot(p, row, state).add(new BigDecimal(p.b()[row])).add(new BigDecimal(p.b()[rows + row]))
                    .add(new BigDecimal(p.w()[row * 2] * a)).add(new BigDecimal(p.w()[row * 2 + 1] * b)).doubleValue();
        }

        private static BigDecimal dot(CellParameters p, int row, double[] v) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < p.hidden(); k++) {
                sum = sum.add(new BigDecimal(p.r()[row * p.hidden() + k]).multiply(new BigDecimal(v[k])));
            }
            return sum;
        }

        private static double sigmoid(double x) {
            return 1 / (1 + Math.exp(-x));
        }
    }
}
