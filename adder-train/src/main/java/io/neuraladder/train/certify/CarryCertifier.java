package io.neuraladder.train.certify;

import io.neuraladder.train.LstmWeights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proves that an LSTM adder is exact for inputs of every length, or says where the proof fails.
 *
 * <p>Choose a box of cell states for each {@link CarryLabel} (the carry into a window of the last
 * {@code history} bit pairs, and those pairs) such that
 * <ol>
 *   <li>the states reached from the zero initial state in the first step lie in their label's box;
 *   <li>for every label and each of the 4 next bit pairs, the cell maps the whole box, grown by
 *       {@link #STATE_MARGIN}, into the box of the label that follows;
 *   <li>the output logit over every box lies on the side of 0 that the label's sum bit demands,
 *       by more than {@link #LOGIT_MARGIN}.
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

    /** Longest label history tried. */
    public static final int MAX_HISTORY = 3;

    private static final int MAX_ROUNDS = 400;
    private static final double WIDENING = 0.05;
    private static final double MAX_WIDTH = 20;

    private final LstmWeights weights;
    private final IntervalLstm cell;

    /** A certifier for a model with these weights. */
    public CarryCertifier(LstmWeights weights) {
        this.weights = weights;
        this.cell = new IntervalLstm(weights);
    }

    /** Tries label histories 1 to {@link #MAX_HISTORY}; returns the first proof, else the last failure. */
    public Certificate certify() {
        Certificate result = null;
        for (int history = 1; history <= MAX_HISTORY; history++) {
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
        StateBox zero = StateBox.zero(weights.hidden());
        for (int pair = 0; pair < 4; pair++) {
            StateBox first = image(zero, pair);
            boxes.put(CarryLabel.first(pair), first.inflated(widening(first)));
        }
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            boolean changed = false;
            String worstEscape = null;
            double worstSlack = Double.POSITIVE_INFINITY;
            for (Map.Entry<CarryLabel, StateBox> region : new ArrayList<>(boxes.entrySet())) {
                for (int pair = 0; pair < 4; pair++) {
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
        return cell.step(box, pair >> 1, pair & 1).inflated(STATE_MARGIN);
    }

    private String outputFailure(Map<CarryLabel, StateBox> boxes) {
        for (Map.Entry<CarryLabel, StateBox> region : boxes.entrySet()) {
            double[] logit = cell.logit(region.getValue());
            int bit = region.getKey().sumBit();
            double margin = outputMargin(bit, logit);
            if (margin <= 0) {
                return String.format(Locale.ROOT, "every transition into region [%s] must output sum bit %d, "
                        + "which needs the logit %s %.0e, but over the region it ranges over [%.4f, %.4f], %.4f logits "
                        + "short", region.getKey(), bit,
                        bit == 1 ? ">" : "<", bit == 1 ? LOGIT_MARGIN : -LOGIT_MARGIN, logit[0], logit[1], -margin);
            }
        }
        return null;
    }

    private static double outputMargin(int bit, double[] logit) {
        return bit == 1 ? logit[0] - LOGIT_MARGIN : -logit[1] - LOGIT_MARGIN;
    }

    private static String transition(CarryLabel from, int pair, CarryLabel to) {
        return "transition [" + from + "] --(" + (pair >> 1) + "," + (pair & 1) + ")--> [" + to + "]";
    }

    private Certificate proved(int history, Map<CarryLabel, StateBox> boxes, int rounds, long start) {
        double worstSlack = Double.POSITIVE_INFINITY;
        for (Map.Entry<CarryLabel, StateBox> region : boxes.entrySet()) {
            for (int pair = 0; pair < 4; pair++) {
                CarryLabel target = region.getKey().next(pair, history);
                worstSlack = Math.min(worstSlack, boxes.get(target).slack(image(region.getValue(), pair)));
            }
        }
        StateBox zero = StateBox.zero(weights.hidden());
        for (int pair = 0; pair < 4; pair++) {
            worstSlack = Math.min(worstSlack, boxes.get(CarryLabel.first(pair)).slack(image(zero, pair)));
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
                .mapToDouble(e -> outputMargin(e.getKey().sumBit(), cell.logit(e.getValue())))
                .min().orElse(Double.NaN);
    }

    private List<Certificate.Region> regions(Map<CarryLabel, StateBox> boxes) {
        List<Certificate.Region> regions = new ArrayList<>();
        boxes.forEach((label, box) -> {
            double[] logit = cell.logit(box);
            regions.add(new Certificate.Region(label.toString(), label.sumBit(), box.width(), logit[0], logit[1]));
        });
        return regions;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
