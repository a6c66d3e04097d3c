package io.neuraladder.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.CellType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kernel's affine transfer ({@link AffineStep}, {@link AffineForm}) against the exact step:
 * small random parallelotopes of states, stepped through one and two pairs as the cover's check
 * steps them, must hold the exact image of every sampled state (corners and inside), the sums and
 * products of the step computed exactly ({@link BigDecimal}), σ and tanh from {@link Math} (within
 * an ulp, far inside the comparison's 10^-12). Membership is tested along coordinate and random
 * directions through the form's support function, which sees its correlations. The same check
 * catches a weakened bound: the bands of the nonlinearities and products halved.
 */
class AffineStepTest {

    private static final int HIDDEN = 3;
    private static final long SEED = 2029;
    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final double TOLERANCE = 1e-12;

    /** How the test reads a form's bounds: as the kernel states them, or deliberately weakened. */
    private enum Reading { AS_STATED, BANDS_HALVED }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void everyExactImage_liesInTheAffineImage(CellType cell) {
        assertEquals(0, escapes(cell, Reading.AS_STATED), cell + ": no exact step leaves the kernel's affine image");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void theCheck_catchesHalvedBands(CellType cell) {
        assertTrue(escapes(cell, Reading.BANDS_HALVED) > 0, cell + ": halving the nonlinearities' bands is caught");
    }

    @Test
    void aPieceHoldsItsOwnShrunkCopy_andNotItsGrownOne_andASingularShapeIsNotInvertible() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(5);
            float[] center = new float[n];
            float[][] shape = new float[n][n];
            for (int i = 0; i < n; i++) {
                center[i] = (float) random.nextDouble(-1, 1);
                for (int j = 0; j < n; j++) {
                    shape[i][j] = (float) (random.nextDouble(-0.1, 0.1) + (i == j ? 0.2 : 0));
                }
            }
            Parallelotope piece = new Parallelotope(center, shape);
            assertTrue(piece.invertible());
            assertTrue(piece.slack(scaled(center, shape, 0.999)) > 0, "a copy shrunk by 0.1% is inside");
            assertFalse(piece.slack(scaled(center, shape, 1.001)) > 0, "a copy grown by 0.1% is not");
            assertFalse(piece.slack(AffineForm.parallelotope(center, shape).grown(1e-9)) > 0,
                    "the piece itself, grown by 1e-9, is not");
            float[][] singular = new float[n][];
            for (int i = 0; i < n; i++) {
                singular[i] = shape[i].clone();
                singular[i][n - 1] = singular[i][0];
            }
            assertFalse(new Parallelotope(center, singular).invertible(), "two equal generators: not invertible");
        }
    }

    private static AffineForm scaled(float[] center, float[][] shape, double factor) {
        int n = center.length;
        float[][] copy = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                copy[i][j] = (float) (shape[i][j] * factor);
            }
        }
        return AffineForm.parallelotope(center, copy);
    }

    /** Sampled states of 60 random pieces whose exact image, one or two steps on, escapes the form as read. */
    private static int escapes(CellType cell, Reading reading) {
        SplittableRandom random = new SplittableRandom(SEED + cell.ordinal());
        CellParameters weights = randomWeights(cell, random);
        AffineStep step = new AffineStep(weights);
        int n = weights.stateSize();
        int escapes = 0;
        for (int trial = 0; trial < 60; trial++) {
            float[] center = new float[n];
            float[][] shape = new float[n][n];
            for (int i = 0; i < n; i++) {
                center[i] = (float) random.nextDouble(-0.8, 0.8);
                for (int j = 0; j < n; j++) {
                    shape[i][j] = (float) random.nextDouble(-0.08, 0.08);
                }
            }
            int first = random.nextInt(4);
            int second = random.nextInt(4);
            boolean twoSteps = trial % 2 == 1;
            AffineForm form = AffineForm.parallelotope(center, shape);
            AffineForm image = step.next(form, first, new AffineForm.Symbols(form.width()));
            if (twoSteps) {
                AffineForm condensed = image.condensed(n);
                image = step.next(condensed, second, new AffineForm.Symbols(condensed.width()));
            }
            double[][] directions = directions(n, random);
            for (int sample = 0; sample < 48; sample++) {
                double[] u = new double[n];
                for (int j = 0; j < n; j++) {
                    u[j] = sample < 16 ? ((sample >> (j % 4)) & 1) * 2 - 1 : random.nextDouble(-1, 1);
                }
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    BigDecimal value = new BigDecimal(center[i]);
                    for (int j = 0; j < n; j++) {
                        value = value.add(new BigDecimal(shape[i][j]).multiply(new BigDecimal(u[j])));
                    }
                    x[i] = value.doubleValue();
                }
                double[] exact = ExactCell.step(weights, x, first);
                if (twoSteps) {
                    exact = ExactCell.step(weights, exact, second);
                }
                for (double[] v : directions) {
                    if (dot(v, exact) > support(image, v, n, reading) + TOLERANCE) {
                        escapes++;
                    }
                }
            }
        }
        return escapes;
    }

    /** The largest {@code v · x} over the form as read: {@code v·c + Σ_j |v·G_j| + Σ_i |v_i| e_i}. */
    private static double support(AffineForm form, double[] v, int pieceSymbols, Reading reading) {
        double value = 0;
        for (int i = 0; i < form.rows(); i++) {
            value += v[i] * form.center(i) + Math.abs(v[i]) * form.error(i);
        }
        for (int j = 0; j < form.width(); j++) {
            double column = 0;
            for (int i = 0; i < form.rows(); i++) {
                column += v[i] * form.generator(i, j);
            }
            value += Math.abs(column) * (reading == Reading.BANDS_HALVED && j >= pieceSymbols ? 0.5 : 1);
        }
        return value;
    }

    private static double[][] directions(int n, SplittableRandom random) {
        double[][] directions = new double[2 * n + 8][n];
        for (int i = 0; i < n; i++) {
            directions[2 * i][i] = 1;
            directions[2 * i + 1][i] = -1;
        }
        for (int d = 2 * n; d < directions.length; d++) {
            for (int i = 0; i < n; i++) {
                directions[d][i] = random.nextDouble(-1, 1);
            }
        }
        return directions;
    }

    private static double dot(double[] v, double[] x) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < v.length; i++) {
            sum = sum.add(new BigDecimal(v[i]).multiply(new BigDecimal(x[i])));
        }
        return sum.doubleValue();
    }

    private static CellParameters randomWeights(CellType cell, SplittableRandom random) {
        int rows = cell.gates() * HIDDEN;
        float[] w = new float[rows * 2];
        float[] r = new float[rows * HIDDEN];
        float[] b = new float[2 * rows];
        for (float[] values : new float[][] {w, r, b}) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble(-1.5, 1.5);
            }
        }
        float[] head = new float[HIDDEN];
        return new CellParameters(cell, HIDDEN, 2, 1, w, r, b, head, new float[1]);
    }

    /** ONNX's cell equations with every sum and product exact, σ and tanh from {@link Math}. */
    static final class ExactCell {

        private ExactCell() {}

        static double[] step(CellParameters p, double[] state, int pair) {
            int hidden = p.hidden();
            int a = pair / 2;
            int b = pair % 2;
            double[] next = new double[state.length];
            for (int j = 0; j < hidden; j++) {
                switch (p.cell()) {
                    case RNN -> next[j] = Math.tanh(pre(p, p.row(0, j), state, a, b, true).doubleValue());
                    case LSTM -> {
                        double i = sigmoid(pre(p, p.row(0, j), state, a, b, true));
                        double o = sigmoid(pre(p, p.row(1, j), state, a, b, true));
                        double f = sigmoid(pre(p, p.row(2, j), state, a, b, true));
                        double g = Math.tanh(pre(p, p.row(3, j), state, a, b, true).doubleValue());
                        BigDecimal c = new BigDecimal(f).multiply(new BigDecimal(state[hidden + j]))
                                .add(new BigDecimal(i).multiply(new BigDecimal(g)));
                        next[hidden + j] = c.doubleValue();
                        next[j] = new BigDecimal(o).multiply(new BigDecimal(Math.tanh(c.doubleValue()))).doubleValue();
                    }
                    case GRU, GRU_LINEAR_BEFORE_RESET -> next[j] = gru(p, state, j, a, b);
                }
            }
            return next;
        }

        private static double gru(CellParameters p, double[] h, int j, int a, int b) {
            int hidden = p.hidden();
            int rows = 3 * hidden;
            double z = sigmoid(pre(p, p.row(0, j), h, a, b, true));
            int candidate = p.row(2, j);
            BigDecimal input = new BigDecimal(p.b()[candidate]).add(new BigDecimal(p.w()[candidate * 2] * a))
                    .add(new BigDecimal(p.w()[candidate * 2 + 1] * b));
            BigDecimal inner;
            if (p.cell().linearBeforeReset()) {
                double r = sigmoid(pre(p, p.row(1, j), h, a, b, true));
                BigDecimal recurrent = dot(p, candidate, h).add(new BigDecimal(p.b()[rows + candidate]));
                inner = input.add(new BigDecimal(r).multiply(recurrent, EXACT));
            } else {
                double[] gated = new double[hidden];
                for (int k = 0; k < hidden; k++) {
                    double r = sigmoid(pre(p, p.row(1, k), h, a, b, true));
                    gated[k] = new BigDecimal(r).multiply(new BigDecimal(h[k])).doubleValue();
                }
                inner = input.add(dot(p, candidate, gated)).add(new BigDecimal(p.b()[rows + candidate]));
            }
            double u = Math.tanh(inner.doubleValue());
            return new BigDecimal(1 - z).multiply(new BigDecimal(u)).add(new BigDecimal(z).multiply(new BigDecimal(h[j])))
                    .doubleValue();
        }

        private static BigDecimal pre(CellParameters p, int row, double[] h, int a, int b, boolean recurrentBias) {
            int rows = p.r().length / p.hidden();
            BigDecimal sum = dot(p, row, h).add(new BigDecimal(p.b()[row])).add(new BigDecimal(p.w()[row * 2] * a))
                    .add(new BigDecimal(p.w()[row * 2 + 1] * b));
            return recurrentBias ? sum.add(new BigDecimal(p.b()[rows + row])) : sum;
        }

        private static BigDecimal dot(CellParameters p, int row, double[] h) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < p.hidden(); k++) {
                sum = sum.add(new BigDecimal(p.r()[row * p.hidden() + k]).multiply(new BigDecimal(h[k])));
            }
            return sum;
        }

        private static double sigmoid(BigDecimal x) {
            return 1 / (1 + Math.exp(-x.doubleValue()));
        }
    }
}
