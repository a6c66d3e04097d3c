package io.neuraladder.train.certify;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The carry certificate for an RNN whose recurrent matrix has rank one, {@code R = u vᵀ + E} with
 * {@code E} the file's float32 rounding: the previous state reaches the next step only through the
 * number {@code s = v · h}, its <em>carry coordinate</em>. Then two sets S₀ and S₁ of values of
 * {@code s}, each a union of intervals, say everything: for each carry c ∈ {0, 1} and each digit
 * pair (a, b),
 * <ol>
 *   <li>the zero initial state ({@code s = 0}) lies in S₀;
 *   <li>every state reached from {@code s ∈ S_c} on (a, b), {@code h' = tanh(W x_ab + b + u s ± |E|)},
 *       has its {@code s' = v · h'}, grown by the state margin's effect, inside {@code S_carry(a + b + c)};
 *   <li>over those states the output names the sum digit {@code (a + b + c) mod radix} by more than
 *       the logit margin.
 * </ol>
 * By induction every state the network reaches after a carry c has its coordinate in S_c, so every
 * digit is right. Each {@code h'_j} is monotone in {@code s}, so splitting S_c into pieces gives
 * tight bounds: the argument is one-dimensional, where boxes over all of {@code h} lose the
 * correlation between units.
 */
final class RankOneCertifier {

    /** Largest {@code Σ_k |E_jk|} accepted as rounding of a rank-one product. */
    static final double MAX_RESIDUAL = 1e-4;

    private static final int PIECES = 32;
    private static final double PIECE_WIDTH = 0.002;
    private static final int MAX_ROUNDS = 200;
    private static final int MAX_INTERVALS = 2_000;
    private static final double WIDENING = 0.05;

    private final CellWeights weights;
    private final int radix;
    private final double[] u;
    private final double[] v;
    private final double[] residual;
    private final double coordinateMargin;

    private RankOneCertifier(CellWeights weights, double[] u, double[] v, double[] residual) {
        this.weights = weights;
        this.radix = weights.radix();
        this.u = u;
        this.v = v;
        this.residual = residual;
        double vNorm = 0;
        for (double x : v) {
            vNorm += Math.abs(x);
        }
        this.coordinateMargin = vNorm * CarryCertifier.STATE_MARGIN;
    }

    /** A certifier if {@code weights} are an RNN whose recurrent matrix is rank one up to rounding. */
    static Optional<RankOneCertifier> of(CellWeights weights) {
        if (weights.cell() != CellType.RNN) {
            return Optional.empty();
        }
        int n = weights.hidden();
        double[][] r = weights.recurrentWeights();
        double[] v = new double[n];
        Arrays.fill(v, 1);
        double[] u = new double[n];
        for (int iteration = 0; iteration < 200; iteration++) {
            double norm = 0;
            for (int j = 0; j < n; j++) {
                u[j] = 0;
                for (int k = 0; k < n; k++) {
                    u[j] += r[j][k] * v[k];
                }
                norm += u[j] * u[j];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return Optional.empty();
            }
            for (int j = 0; j < n; j++) {
                u[j] /= norm;
            }
            for (int k = 0; k < n; k++) {
                v[k] = 0;
                for (int j = 0; j < n; j++) {
                    v[k] += r[j][k] * u[j];
                }
            }
        }
        double[] residual = new double[n];
        double worst = 0;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                residual[j] += Math.abs(r[j][k] - u[j] * v[k]);
            }
            residual[j] = residual[j] * (1 + 1e-9) + 1e-15;
            worst = Math.max(worst, residual[j]);
        }
        return worst <= MAX_RESIDUAL ? Optional.of(new RankOneCertifier(weights, u, v, residual)) : Optional.empty();
    }

    Certificate certify() {
        long start = System.nanoTime();
        List<List<double[]>> sets = List.of(new ArrayList<>(), new ArrayList<>());
        sets.get(0).add(new double[] {-coordinateMargin, coordinateMargin});
        int rounds = 0;
        boolean changed = true;
        while (changed) {
            if (++rounds > MAX_ROUNDS) {
                return failed(sets, rounds, start, "the carry coordinate's intervals did not close in " + MAX_ROUNDS
                        + " rounds");
            }
            changed = false;
            for (int carry = 0; carry < 2; carry++) {
                for (double[] interval : List.copyOf(sets.get(carry))) {
                    for (int pair = 0; pair < radix * radix; pair++) {
                        List<double[]> target = sets.get(carryOut(pair, carry));
                        for (double[] image : images(interval, pair)) {
                            changed |= include(target, image);
                        }
                    }
                }
            }
            if (sets.get(0).size() + sets.get(1).size() > MAX_INTERVALS) {
                return failed(sets, rounds, start, "the carry coordinate's sets split into more than "
                        + MAX_INTERVALS + " intervals");
            }
        }
        List<Certificate.Region> regions = new ArrayList<>();
        double worstMargin = Double.POSITIVE_INFINITY;
        double worstSlack = Double.POSITIVE_INFINITY;
        for (int carry = 0; carry < 2; carry++) {
            List<double[]> set = sets.get(carry);
            if (set.isEmpty()) {
                continue;
            }
            for (int pair = 0; pair < radix * radix; pair++) {
                int digit = (pair / radix + pair % radix + carry) % radix;
                String label = "carry " + carry + ", then (" + pair / radix + "," + pair % radix + ")";
                double[] lead = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
                for (double[] interval : set) {
                    double[] pieceLead = lead(interval, pair, digit);
                    lead[0] = Math.min(lead[0], pieceLead[0]);
                    lead[1] = Math.min(lead[1], pieceLead[1]);
                    for (double[] image : images(interval, pair)) {
                        worstSlack = Math.min(worstSlack, slack(sets.get(carryOut(pair, carry)), image));
                    }
                }
                regions.add(new Certificate.Region(label, digit, measure(set), lead[0], lead[1]));
                double margin = lead[0] - CarryCertifier.LOGIT_MARGIN;
                if (margin <= 0) {
                    return failed(sets, rounds, start, String.format(Locale.ROOT, "region [%s] must output sum digit "
                            + "%d, but over the carry coordinate's set %s the digit's smallest lead ranges over "
                            + "[%.4f, %.4f], %.4f logits short", label, digit, text(set), lead[0], lead[1], -margin));
                }
                worstMargin = Math.min(worstMargin, margin);
            }
        }
        if (worstSlack < 0) {
            return failed(sets, rounds, start, "a transition left the carry coordinate's set on the final check");
        }
        return new Certificate(true, 1, regions, worstMargin, worstSlack, rounds, millisSince(start), null,
                "bounded through the rank-one carry coordinate (carry 0: " + text(sets.get(0)) + ", carry 1: "
                        + text(sets.get(1)) + ")", null);
    }

    /**
     * Adds {@code image} to {@code set} unless an interval already holds it, pushed out by
     * {@value #WIDENING} of its width so that the iteration ends, merging what then overlaps.
     * Returns whether the set changed.
     */
    private static boolean include(List<double[]> set, double[] image) {
        if (slack(set, image) >= 0) {
            return false;
        }
        double push = WIDENING * (image[1] - image[0]) + 1e-12;
        double[] merged = {image[0] - push, image[1] + push};
        for (var it = set.iterator(); it.hasNext(); ) {
            double[] interval = it.next();
            if (interval[0] <= merged[1] && merged[0] <= interval[1]) {
                merged[0] = Math.min(merged[0], interval[0]);
                merged[1] = Math.max(merged[1], interval[1]);
                it.remove();
            }
        }
        set.add(merged);
        set.sort(Comparator.comparingDouble(interval -> interval[0]));
        return true;
    }

    /** How far {@code image} stays inside the interval of {@code set} holding it; negative when none does. */
    private static double slack(List<double[]> set, double[] image) {
        double best = Double.NEGATIVE_INFINITY;
        for (double[] interval : set) {
            best = Math.max(best, Math.min(image[0] - interval[0], interval[1] - image[1]));
        }
        return best;
    }

    /** The coordinate intervals of the states reached from each piece of {@code coordinate} on {@code pair}, plus margins. */
    private List<double[]> images(double[] coordinate, int pair) {
        List<double[]> images = new ArrayList<>();
        for (double[][] piece : pieces(coordinate, pair)) {
            double[] s = new double[] {0, 0};
            double magnitude = 0;
            for (int j = 0; j < v.length; j++) {
                double[] term = Intervals.scale(v[j], piece[j]);
                s[0] += term[0];
                s[1] += term[1];
                magnitude += Math.max(Math.abs(term[0]), Math.abs(term[1]));
            }
            double[] widened = Intervals.widen(s[0], s[1], magnitude);
            images.add(new double[] {widened[0] - coordinateMargin, widened[1] + coordinateMargin});
        }
        return images;
    }

    /** The interval of the sum digit's smallest lead over the other digits' logits, over the reached states. */
    private double[] lead(double[] coordinate, int pair, int digit) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (double[][] piece : pieces(coordinate, pair)) {
            StateBox box = StateBox.zero(weights.hidden());
            for (int j = 0; j < piece.length; j++) {
                box.set(j, piece[j][0] - CarryCertifier.STATE_MARGIN, piece[j][1] + CarryCertifier.STATE_MARGIN);
            }
            double pieceLow = Double.POSITIVE_INFINITY;
            double pieceHigh = Double.POSITIVE_INFINITY;
            if (weights.outputs() == 1) {
                double[] logit = Intervals.logit(weights, box);
                pieceLow = digit == 1 ? logit[0] : -logit[1];
                pieceHigh = digit == 1 ? logit[1] : -logit[0];
            } else {
                for (int other = 0; other < weights.outputs(); other++) {
                    if (other != digit) {
                        double[] difference = Intervals.logitDifference(weights, box, digit, other);
                        pieceLow = Math.min(pieceLow, difference[0]);
                        pieceHigh = Math.min(pieceHigh, difference[1]);
                    }
                }
            }
            low = Math.min(low, pieceLow);
            high = Math.min(high, pieceHigh);
        }
        return new double[] {low, high};
    }

    /**
     * For each piece of {@code coordinate} (up to {@value #PIECES}, each at most {@value #PIECE_WIDTH}
     * wide where that suffices), the interval of every unit of
     * {@code h' = tanh(W x + b + u s ± residual)}: exact up to rounding, since each unit is
     * monotone in {@code s}.
     */
    private List<double[][]> pieces(double[] coordinate, int pair) {
        int n = weights.hidden();
        int a = pair / radix;
        int b = pair % radix;
        double width = coordinate[1] - coordinate[0];
        int count = (int) Math.max(1, Math.min(PIECES, Math.ceil(width / PIECE_WIDTH)));
        List<double[][]> pieces = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            double from = coordinate[0] + width * p / count;
            double to = p == count - 1 ? coordinate[1] : coordinate[0] + width * (p + 1) / count;
            double[][] units = new double[n][];
            for (int j = 0; j < n; j++) {
                double constant = weights.bias()[j] + weights.inputTerm(j, a, b);
                double[] carry = Intervals.scale(u[j], new double[] {from, to});
                double magnitude = Math.abs(weights.bias()[j]) + weights.inputMagnitude(j)
                        + Math.max(Math.abs(carry[0]), Math.abs(carry[1])) + residual[j];
                double[] preactivation = Intervals.widen(constant + carry[0] - residual[j],
                        constant + carry[1] + residual[j], magnitude);
                units[j] = Intervals.tanh(preactivation);
            }
            pieces.add(units);
        }
        return pieces;
    }

    private int carryOut(int pair, int carry) {
        return pair / radix + pair % radix + carry >= radix ? 1 : 0;
    }

    private Certificate failed(List<List<double[]>> sets, int rounds, long start, String why) {
        return new Certificate(false, 1, List.of(), Double.NaN, Double.NaN, rounds, millisSince(start),
                why + " (rank-one carry coordinate; carry 0: " + text(sets.get(0)) + ", carry 1: " + text(sets.get(1))
                        + ")", null, null);
    }

    private static double measure(List<double[]> set) {
        return set.stream().mapToDouble(interval -> interval[1] - interval[0]).sum();
    }

    private static String text(List<double[]> set) {
        return set.isEmpty() ? "none" : set.stream().map(i -> String.format(Locale.ROOT, "[%.4f, %.4f]", i[0], i[1]))
                .collect(Collectors.joining(" ∪ "));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
