package io.neuraladder.train.imports;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How slowly a network forgets: of every cycle of one to four bit pairs (one of each up to rotation),
 * repeated from the zero state, the one whose Jacobian shrinks a small change of state the least:
 * the spectral radius of the cycle's Jacobian at the state reached after {@value #REPETITIONS}
 * repetitions, per pair (its root of the cycle's length). Every network proved so far (RNNs and GRUs,
 * by boxes or by a cover) has its slowest cycle at {@value #PROVED_SO_FAR} or below; no LSTM is proved
 * yet, and the exact networks left unknown measured 0.766 to 0.997 ({@code docs/import-research.md}).
 * A diagnostic printed beside a verdict, never part of a proof.
 *
 * @param pairs the cycle, each pair {@code 2a + b}, first pair first
 * @param radiusPerPair the spectral radius of the cycle's Jacobian, per pair
 */
public record SlowestCycle(List<Integer> pairs, double radiusPerPair) {

    /** The slowest cycle of every network proved so far is at this factor or below. */
    public static final double PROVED_SO_FAR = 0.94;
    static final int REPETITIONS = 200;
    private static final int LONGEST = 4;
    private static final double STEP = 1e-6;
    /** The spectral radius is read from the norm of the cycle's Jacobian to the power 2^SQUARINGS. */
    private static final int SQUARINGS = 10;

    /** Measures every cycle of one to four pairs of a binary network and returns the slowest. */
    public static SlowestCycle of(CellWeights weights) {
        RecurrentCell cell = RecurrentCell.of(weights);
        SlowestCycle slowest = null;
        for (int length = 1; length <= LONGEST; length++) {
            for (int code = 0; code < 1 << (2 * length); code++) {
                List<Integer> pairs = new ArrayList<>();
                for (int k = length - 1; k >= 0; k--) {
                    pairs.add((code >> (2 * k)) & 3);
                }
                if (!isLyndonWord(pairs)) {
                    continue;
                }
                double radius = Math.pow(spectralRadius(jacobian(cell, pairs)), 1.0 / length);
                if (slowest == null || radius > slowest.radiusPerPair()) {
                    slowest = new SlowestCycle(List.copyOf(pairs), radius);
                }
            }
        }
        return slowest;
    }

    /**
     * Whether {@code pairs} comes before each of its rotations: one representative of each cycle, none a
     * repetition of a shorter one (rotations share their Jacobian's spectrum, so they need no second look).
     */
    static boolean isLyndonWord(List<Integer> pairs) {
        String word = pairs.stream().map(String::valueOf).collect(Collectors.joining());
        for (int shift = 1; shift < word.length(); shift++) {
            if ((word.substring(shift) + word.substring(0, shift)).compareTo(word) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** "(1,1) repeated" or "(0,1) (1,0) (1,0) (1,0) repeated". */
    public String cycle() {
        return pairs.stream().map(p -> "(" + (p >> 1) + "," + (p & 1) + ")").collect(Collectors.joining(" "))
                + " repeated";
    }

    /** One line for people: the cycle and how much of a change of state it keeps per pair. */
    public String describe() {
        return String.format(Locale.ROOT, "slowest cycle %s keeps %.3f of a change of state per pair "
                + "(proved networks so far: at most %.2f, and no LSTM)", cycle(), radiusPerPair, PROVED_SO_FAR);
    }

    /** The Jacobian of the whole cycle, by central differences, at the state its repetitions reach. */
    private static double[][] jacobian(RecurrentCell cell, List<Integer> pairs) {
        int n = cell.stateSize();
        double[] state = new double[n];
        for (int r = 0; r < REPETITIONS; r++) {
            run(cell, state, pairs);
        }
        double[][] jacobian = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] up = state.clone();
            double[] down = state.clone();
            up[k] += STEP;
            down[k] -= STEP;
            run(cell, up, pairs);
            run(cell, down, pairs);
            for (int i = 0; i < n; i++) {
                jacobian[i][k] = (up[i] - down[i]) / (2 * STEP);
            }
        }
        return jacobian;
    }

    private static void run(RecurrentCell cell, double[] state, List<Integer> pairs) {
        for (int pair : pairs) {
            cell.step(state, pair >> 1, pair & 1);
        }
    }

    /**
     * Gelfand's formula, ρ(M) = lim ‖M^k‖^(1/k), at k = 2^10 by repeated squaring, each square rescaled
     * by its largest entry (kept as a logarithm) so that nothing overflows or underflows.
     */
    static double spectralRadius(double[][] m) {
        double largest = largestEntry(m);
        if (largest == 0) {
            return 0;
        }
        double[][] power = scaled(m, 1 / largest);
        double logScale = Math.log(largest);
        for (int s = 0; s < SQUARINGS; s++) {
            power = times(power, power);
            largest = largestEntry(power);
            if (largest == 0) {
                return 0;
            }
            power = scaled(power, 1 / largest);
            logScale = 2 * logScale + Math.log(largest);
        }
        return Math.exp(logScale / (1 << SQUARINGS));
    }

    private static double largestEntry(double[][] m) {
        double largest = 0;
        for (double[] row : m) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest;
    }

    private static double[][] scaled(double[][] m, double factor) {
        double[][] result = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            result[i] = m[i].clone();
            for (int j = 0; j < m[i].length; j++) {
                result[i][j] *= factor;
            }
        }
        return result;
    }

    private static double[][] times(double[][] a, double[][] b) {
        int n = a.length;
        double[][] product = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    product[i][j] += aik * b[k][j];
                }
            }
        }
        return product;
    }
}
