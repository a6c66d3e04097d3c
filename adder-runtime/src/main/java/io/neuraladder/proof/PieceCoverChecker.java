package io.neuraladder.proof;

import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.CertificateCondition;
import io.neuraladder.api.CertificateMethod;
import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.Operator;
import io.neuraladder.proof.CertificateReader.Piece;
import io.neuraladder.proof.CertificateReader.PieceCover;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Checks a cover by pieces ({@link CertificateFormat#METHOD_PIECES}) in one pass: every image of a
 * piece, and of the zero state, through every string of pairs, enclosed by {@link AffineStep} and
 * grown by the state margin at every step, lies in the target piece the file names
 * ({@link Parallelotope#slack}), whose label is the one {@link StepLabel} computes; and every
 * piece outputs its label's sum bit. Between the steps of one string, everything but the piece's
 * own symbols is folded into one new symbol per component ({@link AffineForm#condensed}). The
 * pieces' closure is checked in parallel (each piece on its own); where several pieces fail, the
 * lowest-numbered one is reported.
 */
final class PieceCoverChecker {

    private static final double STATE_MARGIN = CertificateFormat.STATE_MARGIN;
    private static final double LOGIT_MARGIN = CertificateFormat.LOGIT_MARGIN;
    private static final int PAIRS = 4;

    private final CellParameters weights;
    private final Operator operator;
    private final PieceCover cover;
    private final AffineStep step;
    private final Parallelotope[] shapes;
    private double worstOutputMargin = Double.POSITIVE_INFINITY;
    private double worstSlack = Double.POSITIVE_INFINITY;
    private long transitions;

    /** What one walk found: its transitions, its smallest slack, or why it failed. */
    private static final class Tally {
        long transitions;
        double worstSlack = Double.POSITIVE_INFINITY;
        CertificateRejection rejection;
    }

    private PieceCoverChecker(CellParameters weights, Operator operator, PieceCover cover) {
        this.weights = weights;
        this.operator = operator;
        this.cover = cover;
        this.step = new AffineStep(weights);
        this.shapes = new Parallelotope[cover.pieces().size()];
    }

    static CertificateCheck check(CellParameters weights, PieceCover cover, Operator operator, long startNanos) {
        if (weights.outputs() != 1 || cover.stateSize() != weights.stateSize()) {
            throw new CertificateRejection(CertificateCondition.MISMATCH, "the cover is for a binary adder with "
                    + cover.stateSize() + " state components, but the model is a " + weights.cell() + " with "
                    + weights.stateSize() + " and " + weights.outputs() + " outputs");
        }
        PieceCoverChecker checker = new PieceCoverChecker(weights, operator, cover);
        checker.requireClaimedSumDigits();
        checker.requireInvertibleShapes();
        checker.requireStart();
        checker.requireClosure();
        checker.requireOutputs();
        return new CertificateCheck(weights.cell(), CertificateMethod.PIECES, cover.pieces().size(), cover.history(),
                checker.transitions, checker.worstOutputMargin, checker.worstSlack,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private void requireClaimedSumDigits() {
        List<Piece> pieces = cover.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            int digit = pieces.get(i).label().outputDigit();
            if (pieces.get(i).claimedDigit() != digit) {
                throw new CertificateRejection(CertificateCondition.SUM_DIGIT, "piece " + i + " [" + pieces.get(i).label()
                        + "] claims sum digit " + pieces.get(i).claimedDigit() + ", but by " + operator.metadataName()
                        + "'s step its label's last step outputs " + digit);
            }
        }
    }

    private void requireInvertibleShapes() {
        for (int i = 0; i < shapes.length; i++) {
            Piece piece = cover.pieces().get(i);
            shapes[i] = new Parallelotope(piece.center(), piece.shape());
            if (!shapes[i].invertible()) {
                throw new CertificateRejection(CertificateCondition.MALFORMED, String.format(Locale.ROOT, "piece %d [%s] "
                        + "has a shape the kernel cannot prove invertible (‖I − T·G‖∞ ≤ %.3g is not below 1): a "
                        + "singular or ill-conditioned parallelotope", i, piece.label(), shapes[i].inverseError()));
            }
        }
    }

    /** Start: the zero state's image on every string of 1 to K pairs lies in its start target. */
    private void requireStart() {
        Tally tally = new Tally();
        walk(AffineForm.point(new double[weights.stateSize()]), 0, null, 0, 0, -1, tally);
        absorb(tally);
    }

    /** Closure: every piece's image on every string of K pairs lies in its target. */
    private void requireClosure() {
        int n = weights.stateSize();
        Tally[] tallies = IntStream.range(0, shapes.length).parallel().mapToObj(i -> {
            Tally tally = new Tally();
            Piece piece = cover.pieces().get(i);
            try {
                walk(AffineForm.parallelotope(piece.center(), piece.shape()), n, piece.label(), 0, 0, i, tally);
            } catch (CertificateRejection rejection) {
                tally.rejection = rejection;
            }
            return tally;
        }).toArray(Tally[]::new);
        for (Tally tally : tallies) {
            if (tally.rejection != null) {
                throw tally.rejection;
            }
            absorb(tally);
        }
    }

    private void absorb(Tally tally) {
        transitions += tally.transitions;
        worstSlack = Math.min(worstSlack, tally.worstSlack);
    }

    /**
     * Steps {@code form} (the label {@code label}, {@code null} for the zero state) on every next
     * pair, checking each image that the proof names: every depth for the zero state, depth K for
     * a piece. {@code string} is the pairs so far in base 4, the first the most significant.
     */
    private void walk(AffineForm form, int keep, StepLabel label, int depth, int string, int source, Tally tally) {
        AffineStep.Prepared prepared = step.prepare(form);
        for (int pair = 0; pair < PAIRS; pair++) {
            AffineForm image = step.next(prepared, pair, new AffineForm.Symbols(form.width())).grown(STATE_MARGIN);
            StepLabel reached = label == null ? StepLabel.first(operator, 2, pair) : label.next(pair, cover.history());
            int extended = string * PAIRS + pair;
            if (source < 0) {
                requireInside(image, reached, cover.starts()[depth][extended], depth + 1, extended, source, tally);
            }
            if (depth + 1 < cover.steps()) {
                walk(image.condensed(keep), keep, reached, depth + 1, extended, source, tally);
            } else if (source >= 0) {
                requireInside(image, reached, cover.pieces().get(source).targets()[extended], depth + 1, extended,
                        source, tally);
            }
        }
    }

    private void requireInside(AffineForm image, StepLabel reached, int target, int length, int string, int source,
            Tally tally) {
        tally.transitions++;
        Piece piece = cover.pieces().get(target);
        CertificateCondition condition = source < 0 ? CertificateCondition.START : CertificateCondition.CLOSURE;
        if (!piece.label().equals(reached)) {
            throw new CertificateRejection(condition, transition(source, length, string, target) + ": the string "
                    + "reaches the label [" + reached + "], but the target piece is labelled [" + piece.label() + "]");
        }
        double slack = shapes[target].slack(image);
        if (!(slack > 0)) {
            throw new CertificateRejection(condition, String.format(Locale.ROOT, "%s: the image, grown by the state "
                    + "margin %s, is not proven inside the target piece: in the piece's own coordinates it reaches "
                    + "%.6g beyond the allowed 1 − ε (ε = %.2g bounds the kernel's inverse of its shape)",
                    transition(source, length, string, target), STATE_MARGIN, -slack, shapes[target].inverseError()));
        }
        tally.worstSlack = Math.min(tally.worstSlack, slack);
    }

    private String transition(int source, int length, int string, int target) {
        StringBuilder pairs = new StringBuilder();
        for (int k = length - 1; k >= 0; k--) {
            int pair = (string >> (2 * k)) & 3;
            pairs.append('(').append(pair / 2).append(',').append(pair % 2).append(')');
        }
        String from = source < 0 ? "the zero state" : "piece " + source + " [" + cover.pieces().get(source).label() + "]";
        return from + " --" + pairs + "--> piece " + target;
    }

    /** Output: over every piece, the logit is on its label's sum bit's side by more than the logit margin. */
    private void requireOutputs() {
        int hidden = weights.hidden();
        for (int i = 0; i < shapes.length; i++) {
            Piece piece = cover.pieces().get(i);
            double value = weights.outputBias()[0];
            double magnitude = Math.abs(value);
            double radius = 0;
            int n = weights.stateSize();
            for (int j = 0; j < hidden; j++) {
                double term = weights.outputWeight(0, j) * piece.center()[j];
                value += term;
                magnitude += Math.abs(term);
            }
            for (int col = 0; col < n; col++) {
                double column = 0;
                double columnMagnitude = 0;
                for (int j = 0; j < hidden; j++) {
                    double term = weights.outputWeight(0, j) * piece.shape()[j][col];
                    column += term;
                    columnMagnitude += Math.abs(term);
                }
                radius = Outward.addHigh(radius, Outward.addHigh(Math.abs(column),
                        Outward.dotProductError(hidden, columnMagnitude)));
            }
            double spread = Outward.addHigh(radius, Outward.dotProductError(hidden + 1, magnitude));
            double low = Outward.addLow(value, -spread);
            double high = Outward.addHigh(value, spread);
            int digit = piece.label().outputDigit();
            double margin = digit == 1 ? Outward.addLow(low, -LOGIT_MARGIN) : Outward.addLow(-high, -LOGIT_MARGIN);
            if (!(margin > 0)) {
                throw new CertificateRejection(CertificateCondition.OUTPUT, String.format(Locale.ROOT, "piece %d [%s] must "
                        + "output sum bit %d, so its logit must stay %s %s, but over the piece it spans [%.4f, %.4f], "
                        + "%.4f logits short", i, piece.label(), digit, digit == 1 ? "above" : "below",
                        digit == 1 ? LOGIT_MARGIN : -LOGIT_MARGIN, low, high, -margin));
            }
            worstOutputMargin = Math.min(worstOutputMargin, margin);
        }
    }
}
