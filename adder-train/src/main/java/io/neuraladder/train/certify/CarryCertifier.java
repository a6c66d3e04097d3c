package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proves that a recurrent adder (RNN, GRU or LSTM; binary or decimal) is exact for inputs of every
 * length, or says where the proof fails.
 *
 * <p>Choose a box of cell states for each {@link CarryLabel} (the carry into a window of the last
 * {@code history} digit pairs, and those pairs) such that
 * <ol>
 *   <li>the states reached from the zero initial state in the first step lie in their label's box;
 *   <li>for every label and each of the radix² next digit pairs (4 bit pairs, 100 decimal digit
 *       pairs), the cell maps the whole box, grown by {@link #STATE_MARGIN}, into the box of the
 *       label that follows;
 *   <li>over every box, the output names the label's sum digit by more than {@link #LOGIT_MARGIN}:
 *       a binary adder's logit lies on the side of 0 the sum bit demands; a decimal adder's logit
 *       of the sum digit exceeds each other digit's (the arg-max is fixed).
 * </ol>
 * Then by induction over the steps, every state the network reaches while adding any two numbers
 * lies in the box of the true label, so every sum bit is right: for all int pairs, all long
 * pairs, any BigInteger. The boxes are found by iterating the interval step from the first-step
 * states, widening a box that an image leaves, until nothing changes; the margins cover the
 * difference between this double-precision interval arithmetic and ONNX Runtime's float32 kernels.
 */
public final class CarryCertifier {

    /** Added to every transition's image: covers ONNX Runtime's float32 error in one step. */
    public static final double STATE_MARGIN = 1e-4;

    /** Demanded of every output logit beyond 0: covers float32 error in the output layer. */
    public static final double LOGIT_MARGIN = 1e-3;

    /** Longest label history tried for a binary adder (4^3 · 2 = 128 labels). */
    public static final int MAX_HISTORY = 3;

    /**
     * Longest label history tried for a decimal adder: 2 · 100 = 200 labels with history 1,
     * 2 · 100² = 20,000 with history 2 (seconds per proof).
     */
    public static final int MAX_DECIMAL_HISTORY = 2;

    private static final int MAX_ROUNDS = 400;
    private static final double WIDENING = 0.05;
    private static final double MAX_WIDTH = 20;

    private final CellWeights weights;
    private final IntervalCell cell;
    private final int radix;
    private final int pairs;

    /** A certifier for a model with these weights. */
    public CarryCertifier(CellWeights weights) {
        this.weights = weights;
        this.cell = IntervalCell.of(weights);
        this.radix = weights.radix();
        this.pairs = radix * radix;
    }

    /**
     * Tries label histories 1 to {@link #MAX_HISTORY} ({@link #MAX_DECIMAL_HISTORY} for a decimal
     * adder), and for an RNN with a rank-one recurrent matrix, after history 1, the one-dimensional
     * argument of {@link RankOneCertifier}; returns the first proof, else the last box failure.
     */
    public Certificate certify() {
        Certificate result = certify(1);
        if (result.proved()) {
            return result;
        }
        Optional<RankOneCertifier> rankOne = RankOneCertifier.of(weights);
        if (rankOne.isPresent()) {
            Certificate coordinate = rankOne.get().certify();
            if (coordinate.proved()) {
                return coordinate;
            }
        }
        int maxHistory = radix == 2 ? MAX_HISTORY : MAX_DECIMAL_HISTORY;
        for (int history = 2; history <= maxHistory; history++) {
            result = certify(history);
            if (result.proved()) {
                return result;
            }
        }
        return result;
    }

    /** Tries to prove exactness with labels of exactly this history length. */
    public Certificate certify(int history) {
        long start = System.nanoTime();
        Map<CarryLabel, StateBox> boxes = new LinkedHashMap<>();
        StateBox zero = zeroState();
        for (int pair = 0; pair < pairs; pair++) {
            StateBox first = image(zero, pair);
            boxes.put(CarryLabel.first(radix, pair), first.inflated(widening(first)));
        }
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            boolean changed = false;
            String worstEscape = null;
            double worstSlack = Double.POSITIVE_INFINITY;
            for (Map.Entry<CarryLabel, StateBox> region : new ArrayList<>(boxes.entrySet())) {
                for (int pair = 0; pair < pairs; pair++) {
                    CarryLabel target = region.getKey().next(pair, history);
                    StateBox image = image(region.getValue(), pair);
                    StateBox existing = boxes.get(target);
                    double slack = existing == null ? Double.NEGATIVE_INFINITY : existing.slack(image);
                    if (slack < 0) {
                        changed = true;
                        boxes.put(target, existing == null ? image.inflated(widening(image))
                                : existing.hullWith(image, widening(image)));
                        if (existing != null && slack < worstSlack) {
                            worstSlack = slack;
                            worstEscape = transition(region.getKey(), pair, target) + " leaves the target box by "
                                    + String.format(Locale.ROOT, "%.3g", -slack);
                        }
                    }
                }
            }
            String outputFailure = outputFailure(boxes);
            if (outputFailure != null) {
                return failed(history, boxes, round, start, outputFailure);
            }
            for (Map.Entry<CarryLabel, StateBox> region : boxes.entrySet()) {
                if (region.getValue().width() > MAX_WIDTH) {
                    return failed(history, boxes, round, start, "the box of region [" + region.getKey()
                            + "] grew past width " + MAX_WIDTH + ": the interval images do not contract");
                }
            }
            if (!changed) {
                return proved(history, boxes, round, start);
            }
            if (round == MAX_ROUNDS) {
                return failed(history, boxes, round, start, "the boxes did not close in " + MAX_ROUNDS
                        + " rounds; last, " + worstEscape);
            }
        }
        throw new AssertionError("unreachable");
    }

    /** How far a box is pushed past an image it must hold, so that the iteration ends in few rounds. */
    private static double widening(StateBox image) {
        return WIDENING * Math.max(image.width(), STATE_MARGIN);
    }

    private StateBox image(StateBox box, int pair) {
        return cell.step(box, pair / radix, pair % radix).inflated(STATE_MARGIN);
    }

    private String outputFailure(Map<CarryLabel, StateBox> boxes) {
        for (Map.Entry<CarryLabel, StateBox> region : boxes.entrySet()) {
            int digit = region.getKey().sumDigit();
            double[] range = outputRange(region.getValue(), digit);
            double margin = range[0] - LOGIT_MARGIN;
            if (margin <= 0) {
                return weights.outputs() == 1
                        ? String.format(Locale.ROOT, "every transition into region [%s] must output sum bit %d, "
                                + "which needs the logit %s %.0e, but over the region it ranges over [%.4f, %.4f], "
                                + "%.4f logits short", region.getKey(), digit, digit == 1 ? ">" : "<",
                                digit == 1 ? LOGIT_MARGIN : -LOGIT_MARGIN, digit == 1 ? range[0] : -range[1],
                                digit == 1 ? range[1] : -range[0], -margin)
                        : String.format(Locale.ROOT, "every transition into region [%s] must output sum digit %d, "
                                + "which needs its logit to exceed every other digit's by %.0e, but over the region "
                                + "the smallest lead ranges over [%.4f, %.4f], %.4f logits short", region.getKey(),
                                digit, LOGIT_MARGIN, range[0], range[1], -margin);
            }
        }
        return null;
    }

    /**
     * How far the output names {@code digit} over {@code box}, as an interval: for a binary adder
     * the logit signed toward the bit, for a decimal adder the sum digit's smallest lead over the
     * other digits' logits.
     */
    private double[] outputRange(StateBox box, int digit) {
        if (weights.outputs() == 1) {
            double[] logit = Intervals.logit(weights, box);
            return digit == 1 ? logit : new double[] {-logit[1], -logit[0]};
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (int other = 0; other < weights.outputs(); other++) {
            if (other != digit) {
                double[] lead = Intervals.logitDifference(weights, box, digit, other);
                low = Math.min(low, lead[0]);
                high = Math.min(high, lead[1]);
            }
        }
        return new double[] {low, high};
    }

    private String transition(CarryLabel from, int pair, CarryLabel to) {
        return "transition [" + from + "] --(" + pair / radix + "," + pair % radix + ")--> [" + to + "]";
    }

    private Certificate proved(int history, Map<CarryLabel, StateBox> boxes, int rounds, long start) {
        double worstSlack = Double.POSITIVE_INFINITY;
        for (Map.Entry<CarryLabel, StateBox> region : boxes.entrySet()) {
            for (int pair = 0; pair < pairs; pair++) {
                CarryLabel target = region.getKey().next(pair, history);
                worstSlack = Math.min(worstSlack, boxes.get(target).slack(image(region.getValue(), pair)));
            }
        }
        StateBox zero = zeroState();
        for (int pair = 0; pair < pairs; pair++) {
            worstSlack = Math.min(worstSlack, boxes.get(CarryLabel.first(radix, pair)).slack(image(zero, pair)));
        }
        if (worstSlack < 0) {
            return failed(history, boxes, rounds, start, "a transition left its box on the final check");
        }
        return new Certificate(true, history, regions(boxes), worstOutputMargin(boxes), worstSlack, rounds,
                millisSince(start), null);
    }

    private Certificate failed(int history, Map<CarryLabel, StateBox> boxes, int rounds, long start, String why) {
        return new Certificate(false, history, regions(boxes), worstOutputMargin(boxes), Double.NaN, rounds,
                millisSince(start), why + " (labels with history " + history + ")");
    }

    private double worstOutputMargin(Map<CarryLabel, StateBox> boxes) {
        return boxes.entrySet().stream()
                .mapToDouble(e -> outputRange(e.getValue(), e.getKey().sumDigit())[0] - LOGIT_MARGIN)
                .min().orElse(Double.NaN);
    }

    private List<Certificate.Region> regions(Map<CarryLabel, StateBox> boxes) {
        List<Certificate.Region> regions = new ArrayList<>();
        boxes.forEach((label, box) -> {
            double[] range = weights.outputs() == 1 ? Intervals.logit(weights, box) : outputRange(box, label.sumDigit());
            regions.add(new Certificate.Region(label.toString(), label.sumDigit(), box.width(), range[0], range[1]));
        });
        return regions;
    }

    private StateBox zeroState() {
        return StateBox.zero(RecurrentCell.of(weights).stateSize());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
