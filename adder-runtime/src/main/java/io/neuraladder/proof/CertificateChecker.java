package io.neuraladder.proof;

import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.CertificateCondition;
import io.neuraladder.api.CertificateMethod;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.Operator;
import io.neuraladder.proof.CertificateReader.Certificate;
import io.neuraladder.proof.CertificateReader.Region;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks, in one pass and with outward-rounded interval arithmetic, that a model's carry
 * certificate proves it exact for inputs of every length: the trusted base of "certified".
 *
 * <p>A cover by pieces goes to {@link PieceCoverChecker}. For boxes, the three conditions of {@link CertificateFormat} are checked region by region; the first
 * that fails is thrown as a {@link CertificateRejection} naming the region, the digit pair, the
 * state component or output, and by how much. By induction over the steps they give: after any
 * number of steps on any operands, the cell's state lies in the box of the true label of the
 * digits read so far, so every output digit is the label's sum digit. Which label follows which,
 * and each label's output digit, come from {@link StepLabel}'s arithmetic with the {@link Operator}
 * the caller names, never from the file.
 *
 * <p>For an RNN the closure condition is checked on the preactivation: {@code h'_j = tanh(pre_j)}
 * is increasing, so the image lies in {@code [lo + m, hi − m]} once {@code pre_j} lies above a
 * point {@code x} with a proven {@code tanh(x) ≥ lo + m} and below one with a proven
 * {@code tanh(x) ≤ hi − m}. Those points are found once per box, so no {@code tanh} is computed
 * per transition, which keeps the 2 million transitions of a decimal certificate within half a second;
 * its reported slack is measured on the preactivation.
 */
public final class CertificateChecker {

    private static final double STATE_MARGIN = CertificateFormat.STATE_MARGIN;
    private static final double LOGIT_MARGIN = CertificateFormat.LOGIT_MARGIN;

    private final CellParameters weights;
    private final Operator operator;
    private final Certificate certificate;
    /** The regions by stem ({@link StepLabel#withoutNewest}), each array indexed by the newest pair. */
    private final Map<StepLabel, Target[]> targetsByStem = new HashMap<>();
    private final IntervalStep step;
    private final int radix;
    private final int pairs;
    private final int hidden;
    private double worstOutputMargin = Double.POSITIVE_INFINITY;
    private double worstSlack = Double.POSITIVE_INFINITY;
    private long transitions;

    private CertificateChecker(CellParameters weights, Operator operator, Certificate certificate) {
        this.weights = weights;
        this.operator = operator;
        this.certificate = certificate;
        this.step = new IntervalStep(weights);
        this.radix = weights.radix();
        this.pairs = radix * radix;
        this.hidden = weights.hidden();
        for (Region region : certificate.regions()) {
            Target[] targets = targetsByStem.computeIfAbsent(region.label().withoutNewest(), stem -> new Target[pairs]);
            targets[region.label().newest()] = new Target(region, weights.cell() == CellType.RNN ? preimage(region)
                    : null);
        }
    }

    /**
     * Checks the certificate {@code encoded} (the value of the model's
     * {@link io.neuraladder.contract.MetadataKey#CERTIFICATE_PROOF}) against the model's weights, as
     * a model of {@code operator}: the operator the caller asked for, whatever the file says it is.
     *
     * @return what the check found
     * @throws CertificateRejection naming the first condition that fails
     */
    public static CertificateCheck check(CellParameters weights, String encoded, Operator operator) {
        long start = System.nanoTime();
        if (encoded == null) {
            throw new CertificateRejection(CertificateCondition.MISSING, "the model carries no certificate");
        }
        try {
            CertificateReader.Decoded decoded = CertificateReader.read(encoded, operator);
            if (decoded instanceof CertificateReader.PieceCover cover) {
                return PieceCoverChecker.check(weights, cover, operator, start);
            }
            Certificate certificate = (Certificate) decoded;
            requireSameModel(weights, certificate);
            CertificateChecker checker = new CertificateChecker(weights, operator, certificate);
            checker.requireClaimedSumDigits();
            checker.requireStart();
            checker.requireClosure();
            checker.requireOutputs();
            return new CertificateCheck(weights.cell(), CertificateMethod.BOXES, certificate.regions().size(), certificate.history(), checker.transitions,
                    checker.worstOutputMargin, checker.worstSlack, Duration.ofNanos(System.nanoTime() - start));
        } catch (CertificateRejection rejection) {
            throw rejection;
        } catch (RuntimeException unexpected) {
            // A certificate this checker failed to foresee is refused, never half-checked.
            throw new CertificateRejection(CertificateCondition.MALFORMED, "the check could not complete on this certificate ("
                    + unexpected + "); please report the file");
        }
    }

    private static void requireSameModel(CellParameters weights, Certificate certificate) {
        if (certificate.radix() != weights.radix() || certificate.stateSize() != weights.stateSize()) {
            throw new CertificateRejection(CertificateCondition.MISMATCH, "the certificate is for a radix-" + certificate.radix()
                    + " adder with " + certificate.stateSize() + " state components, but the model is a radix-"
                    + weights.radix() + " " + weights.cell() + " with " + weights.stateSize());
        }
    }

    private void requireClaimedSumDigits() {
        for (Region region : certificate.regions()) {
            int digit = region.label().outputDigit();
            if (region.claimedDigit() != digit) {
                throw new CertificateRejection(CertificateCondition.SUM_DIGIT, "region [" + region.label() + "] claims sum digit "
                        + region.claimedDigit() + ", but by " + operator.metadataName() + "'s step its label's last step outputs "
                        + digit + " (a certificate for another operator, or a wrong claim)");
            }
        }
    }

    /** Condition 1: from the zero state, every first pair lands in its label's box. */
    private void requireStart() {
        double[] zero = new double[weights.stateSize()];
        requireSteps(zero, zero, null, targetsByStem.get(StepLabel.first(operator, radix, 0).withoutNewest()));
    }

    /**
     * Condition 2: every region's box maps into its successor's box on every pair. The sources are
     * taken stem by stem of their successors, so that one group of targets is looked up once and
     * stays in the processor's cache while every source that steps into it is checked.
     */
    private void requireClosure() {
        Map<StepLabel, List<Region>> sourcesByStem = new LinkedHashMap<>();
        for (Region region : certificate.regions()) {
            StepLabel stem = region.label().next(0, certificate.history()).withoutNewest();
            sourcesByStem.computeIfAbsent(stem, key -> new ArrayList<>()).add(region);
        }
        sourcesByStem.forEach((stem, sources) -> {
            Target[] targets = targetsByStem.get(stem);
            for (Region source : sources) {
                requireSteps(source.low(), source.high(), source.label(), targets);
            }
        });
    }

    /**
     * The steps from the box {@code [low, high]} of label {@code from} ({@code null}: the zero
     * state) on every pair, into {@code targets}: the regions whose labels are the successors'
     * common stem followed by the pair ({@code null} if there are none).
     */
    private void requireSteps(double[] low, double[] high, StepLabel from, Target[] targets) {
        double[] recurrentLow = new double[step.rows()];
        double[] recurrentHigh = new double[step.rows()];
        step.recurrentTerms(low, high, recurrentLow, recurrentHigh);
        for (int pair = 0; pair < pairs; pair++) {
            Target target = targets == null ? null : targets[pair];
            if (target == null) {
                StepLabel to = successor(from, pair);
                throw new CertificateRejection(CertificateCondition.MISSING_REGION, transition(from, pair, to)
                        + ": the certificate has no region for the label [" + to + "]");
            }
            transitions++;
            if (weights.cell() == CellType.RNN) {
                requirePreactivationInside(recurrentLow, recurrentHigh, pair, target, from);
            } else {
                requireImageInside(low, high, recurrentLow, recurrentHigh, pair, target.region(), from);
            }
        }
    }

    private StepLabel successor(StepLabel from, int pair) {
        return from == null ? StepLabel.first(operator, radix, pair) : from.next(pair, certificate.history());
    }

    /** Condition 2 for GRU and LSTM cells: the step's bounds, grown by the state margin, lie in the box. */
    private void requireImageInside(double[] low, double[] high, double[] recurrentLow, double[] recurrentHigh,
            int pair, Region target, StepLabel from) {
        int n = weights.stateSize();
        double[] nextLow = new double[n];
        double[] nextHigh = new double[n];
        step.image(low, high, recurrentLow, recurrentHigh, pair, nextLow, nextHigh);
        for (int j = 0; j < n; j++) {
            double grownLow = Outward.addLow(nextLow[j], -STATE_MARGIN);
            double grownHigh = Outward.addHigh(nextHigh[j], STATE_MARGIN);
            if (grownLow < target.low()[j] || grownHigh > target.high()[j]) {
                throw leaves(from, pair, target, j, grownLow, grownHigh);
            }
            worstSlack = Math.min(worstSlack, Math.min(grownLow - target.low()[j], target.high()[j] - grownHigh));
        }
    }

    /**
     * Condition 2 for an RNN, on the preactivation {@code R h + W x + b} (its recurrent part
     * bounded once per source box) against the target box's proven tanh preimage. The sums are
     * compared strictly, which is the outward rounding: for doubles {@code nextDown(x + y) ≥ t}
     * exactly when {@code x + y > t}, and {@code nextUp(x + y) ≤ t} exactly when {@code x + y < t}.
     */
    private void requirePreactivationInside(double[] recurrentLow, double[] recurrentHigh, int pair, Target target,
            StepLabel from) {
        double[] preimage = target.preimage();
        double[] constantLow = step.constantLow(pair);
        double[] constantHigh = step.constantHigh(pair);
        double slack = Double.POSITIVE_INFINITY;
        for (int j = 0; j < hidden; j++) {
            double preLow = recurrentLow[j] + constantLow[j];
            double preHigh = recurrentHigh[j] + constantHigh[j];
            double below = preLow - preimage[2 * j];
            double above = preimage[2 * j + 1] - preHigh;
            if (!(below > 0 && above > 0)) {
                throw leaves(from, pair, target.region(), j,
                        Outward.addLow(Outward.tanhLow(Outward.addLow(recurrentLow[j], constantLow[j])), -STATE_MARGIN),
                        Outward.addHigh(Outward.tanhHigh(Outward.addHigh(recurrentHigh[j], constantHigh[j])),
                                STATE_MARGIN));
            }
            slack = below < slack ? below : slack;
            slack = above < slack ? above : slack;
        }
        worstSlack = Math.min(worstSlack, slack);
    }

    /** A region, and for an RNN its box's proven tanh preimage ({@link #preimage}). */
    private record Target(Region region, double[] preimage) {}

    /**
     * For each unit of an RNN's box, a point above which tanh, less the margin, is proven to stay
     * above the box's lower face, and one below which tanh, plus the margin, stays below its upper
     * face. The points start at {@code atanh} of the target values and move until
     * {@link Outward}'s rigorous bounds confirm them; infinite when no point (or every point) will do.
     */
    private double[] preimage(Region target) {
        double[] bounds = new double[2 * hidden];
        for (int j = 0; j < hidden; j++) {
            double lowest = Outward.addHigh(target.low()[j], STATE_MARGIN);
            double highest = Outward.addLow(target.high()[j], -STATE_MARGIN);
            bounds[2 * j] = lowest >= 1 ? Double.POSITIVE_INFINITY : lowest <= -1 ? Double.NEGATIVE_INFINITY
                    : confirmed(lowest, +1);
            bounds[2 * j + 1] = highest <= -1 ? Double.NEGATIVE_INFINITY : highest >= 1 ? Double.POSITIVE_INFINITY
                    : confirmed(highest, -1);
        }
        return bounds;
    }

    /**
     * A point {@code x} with {@code tanh(x) ≥ value} proven ({@code direction} +1) or
     * {@code tanh(x) ≤ value} proven (−1), for {@code value} strictly inside (−1, 1).
     */
    private static double confirmed(double value, int direction) {
        double x = 0.5 * Math.log((1 + value) / (1 - value));
        double nudge = Math.max(Math.abs(x) * 0x1p-50, 0x1p-48 / (1 - value * value));
        for (int tries = 0; tries < 64; tries++) {
            boolean holds = direction > 0 ? Outward.tanhLow(x) >= value : Outward.tanhHigh(x) <= value;
            if (holds) {
                return x;
            }
            x += direction * nudge;
            nudge *= 2;
        }
        return direction > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private CertificateRejection leaves(StepLabel from, int pair, Region target, int component, double low,
            double high) {
        double below = target.low()[component] - low;
        double above = high - target.high()[component];
        return new CertificateRejection(from == null ? CertificateCondition.START : CertificateCondition.CLOSURE, String.format(Locale.ROOT,
                "%s: state component %s of the image, grown by the state margin %s, spans [%.6g, %.6g] and leaves "
                        + "the target's box [%.6g, %.6g] by %.3g", transition(from, pair, target.label()),
                componentName(component), STATE_MARGIN, low, high, target.low()[component], target.high()[component],
                Math.max(below, above)));
    }

    private String transition(StepLabel from, int pair, StepLabel to) {
        return from == null ? "first step (" + digits(pair) + ") from the zero state into [" + to + "]"
                : "transition [" + from + "] --(" + digits(pair) + ")--> [" + to + "]";
    }

    /** Condition 3: over every box, the output names the label's sum digit by more than the logit margin. */
    private void requireOutputs() {
        for (Region region : certificate.regions()) {
            int digit = region.label().outputDigit();
            if (weights.outputs() == 1) {
                double[] logit = outputBounds(region, 0, -1);
                double margin = digit == 1 ? Outward.addLow(logit[0], -LOGIT_MARGIN)
                        : Outward.addLow(-logit[1], -LOGIT_MARGIN);
                if (!(margin > 0)) {
                    throw new CertificateRejection(CertificateCondition.OUTPUT, String.format(Locale.ROOT, "region [%s] must "
                            + "output sum bit %d, so its logit must stay %s %s, but over the box it spans "
                            + "[%.4f, %.4f], %.4f logits short", region.label(), digit, digit == 1 ? "above" : "below",
                            digit == 1 ? LOGIT_MARGIN : -LOGIT_MARGIN, logit[0], logit[1], -margin));
                }
                worstOutputMargin = Math.min(worstOutputMargin, margin);
            } else {
                for (int other = 0; other < weights.outputs(); other++) {
                    if (other != digit) {
                        double margin = Outward.addLow(outputBounds(region, digit, other)[0], -LOGIT_MARGIN);
                        if (!(margin > 0)) {
                            throw new CertificateRejection(CertificateCondition.OUTPUT, String.format(Locale.ROOT, "region [%s] "
                                    + "must output sum digit %d, so its logit must lead digit %d's by more than %s "
                                    + "over the box, but the lead's lower bound is %.4f logits short", region.label(),
                                    digit, other, LOGIT_MARGIN, -margin));
                        }
                        worstOutputMargin = Math.min(worstOutputMargin, margin);
                    }
                }
            }
        }
    }

    /**
     * Bounds of output {@code k}'s logit, less output {@code other}'s when {@code other} is not
     * negative, over the hidden part of the region's box; the difference is taken as one affine
     * map, so that the box is not counted twice. The coefficients' differences are intervals too.
     */
    private double[] outputBounds(Region region, int k, int other) {
        double biasLow = weights.outputBias()[k];
        double biasHigh = biasLow;
        if (other >= 0) {
            biasLow = Outward.addLow(biasLow, -weights.outputBias()[other]);
            biasHigh = Outward.addHigh(biasHigh, -weights.outputBias()[other]);
        }
        double low = biasLow;
        double high = biasHigh;
        for (int j = 0; j < hidden; j++) {
            double w = weights.outputWeight(k, j);
            double wl = other < 0 ? w : Outward.addLow(w, -weights.outputWeight(other, j));
            double wh = other < 0 ? w : Outward.addHigh(w, -weights.outputWeight(other, j));
            low = Outward.addLow(low, Outward.productLow(wl, wh, region.low()[j], region.high()[j]));
            high = Outward.addHigh(high, Outward.productHigh(wl, wh, region.low()[j], region.high()[j]));
        }
        return new double[] {low, high};
    }

    private String componentName(int component) {
        return component < hidden ? "h[" + component + "]" : "c[" + (component - hidden) + "]";
    }

    private String digits(int pair) {
        return pair / radix + "," + pair % radix;
    }
}
