package io.neuraladder.train.certify;

import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proves that a recurrent adder (RNN, GRU or LSTM; binary or digit-serial) is exact for inputs of every
 * length, or says where the proof fails.
 *
 * <p>Choose a box of cell states for each {@link StepLabel} (the carry into a window of the last
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

    /** Added to every transition's image: covers ONNX Runtime's float32 error in one step (the contract's). */
    public static final double STATE_MARGIN = CertificateFormat.STATE_MARGIN;

    /** Demanded of every output logit beyond 0: covers float32 error in the output layer (the contract's). */
    public static final double LOGIT_MARGIN = CertificateFormat.LOGIT_MARGIN;

    /** Longest label history tried for a binary adder (4^3 · 2 = 128 labels). */
    public static final int MAX_HISTORY = 3;


    private static final int MAX_ROUNDS = 400;
    private static final double WIDENING = 0.05;
    private static final double MAX_WIDTH = 20;

    private final CellWeights weights;
    private final Operator operator;
    private final IntervalCell cell;
    private final int radix;
    private final int pairs;

    /** A certifier for an adder with these weights. */
    public CarryCertifier(CellWeights weights) {
        this(weights, Operator.ADD);
    }

    /** A certifier for a model of {@code operator} with these weights. */
    public CarryCertifier(CellWeights weights, Operator operator) {
        this.weights = weights;
        this.operator = operator;
        this.cell = IntervalCell.of(weights);
        this.radix = weights.radix();
        this.pairs = radix * radix;
    }

    /**
     * Tries label histories 1 to {@link #MAX_HISTORY} ({@link #maxHistory} for a digit-serial
     * model); returns the first proof, else the last failure.
     */
    public Certificate certify() {
        Certificate result = null;
        int maxHistory = maxHistory(radix);
        for (int history = 1; history <= maxHistory; history++) {
            result = certify(history);
            if (result.proved()) {
                return result;
            }
        }
        return result;
    }

    /**
     * The longest label history tried in {@code radix}: {@link #MAX_HISTORY} for bits, else the
     * longest whose {@code 2 · (r²)^history} labels a certificate file can hold
     * ({@link CertificateFormat#MAX_REGIONS}): 2 for decimal (20,000 labels), 1 for radix 16 (512).
     */
    public static int maxHistory(int radix) {
        if (radix == 2) {
            return MAX_HISTORY;
        }
        long pairs = (long) radix * radix;
        int history = 1;
        while (history < MAX_HISTORY && 2 * pairs * Math.pow(pairs, history) <= CertificateFormat.MAX_REGIONS) {
            history++;
        }
        return history;
    }

    /**
     * Tries to prove exactness with labels of exactly this history length. Each round computes
     * the images of the boxes as they were at its start (on all cores, and only for boxes that
     * changed), then grows every target box that an image leaves. Boxes are kept float-representable
     * (rounded outward), so that the proof found is the one a model file stores.
     */
    public Certificate certify(int history) {
        long start = System.nanoTime();
        Map<StepLabel, StateBox> boxes = new LinkedHashMap<>();
        Map<StepLabel, StateBox[]> images = new ConcurrentHashMap<>();
        Map<StepLabel, StepLabel[]> successors = new HashMap<>();
        Map<StepLabel, Checked> checked = new HashMap<>();
        StateBox[] firstSteps = images(zeroState());
        for (int pair = 0; pair < pairs; pair++) {
            StateBox first = firstSteps[pair];
            boxes.put(StepLabel.first(operator, radix, pair), first.inflated(widening(first)).roundedToFloat());
        }
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            boolean changed = false;
            Set<StepLabel> grown = new LinkedHashSet<>();
            String worstEscape = null;
            double worstSlack = Double.POSITIVE_INFINITY;
            List<StepLabel> labels = new ArrayList<>(boxes.keySet());
            Map<StepLabel, StateBox> sources = new HashMap<>(boxes);
            labels.parallelStream().filter(label -> !images.containsKey(label))
                    .forEach(label -> images.put(label, images(sources.get(label))));
            for (StepLabel label : labels) {
                StateBox source = sources.get(label);
                StateBox[] regionImages = images.get(label);
                StepLabel[] next = successors.computeIfAbsent(label, l -> successors(l, history));
                Checked last = checked.computeIfAbsent(label, l -> new Checked(pairs));
                boolean sourceChecked = last.source == source;
                last.source = source;
                for (int pair = 0; pair < pairs; pair++) {
                    StepLabel target = next[pair];
                    StateBox image = regionImages[pair];
                    StateBox existing = boxes.get(target);
                    if (sourceChecked && existing == last.targets[pair]) {
                        continue;
                    }
                    last.targets[pair] = existing;
                    double slack = existing == null ? Double.NEGATIVE_INFINITY : existing.slack(image);
                    if (slack < 0) {
                        changed = true;
                        existing = (existing == null ? image.inflated(widening(image))
                                : existing.hullWith(image, widening(image))).roundedToFloat();
                        boxes.put(target, existing);
                        last.targets[pair] = existing;
                        grown.add(target);
                        if (slack > Double.NEGATIVE_INFINITY && slack < worstSlack) {
                            worstSlack = slack;
                            worstEscape = transition(label, pair, target) + " leaves the target box by "
                                    + String.format(Locale.ROOT, "%.3g", -slack);
                        }
                    }
                }
            }
            grown.forEach(images::remove);
            String outputFailure = outputFailure(boxes, round == 1 ? boxes.keySet() : grown);
            if (outputFailure != null) {
                return failed(history, boxes, round, start, outputFailure);
            }
            for (Map.Entry<StepLabel, StateBox> region : boxes.entrySet()) {
                if (region.getValue().width() > MAX_WIDTH) {
                    return failed(history, boxes, round, start, "the box of region [" + region.getKey()
                            + "] grew past width " + MAX_WIDTH + ": the interval images do not contract");
                }
            }
            if (!changed) {
                return proved(history, boxes, images, successors, round, start);
            }
            if (round == MAX_ROUNDS) {
                return failed(history, boxes, round, start, "the boxes did not close in " + MAX_ROUNDS
                        + " rounds; last, " + worstEscape);
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * The boxes a region's transitions were last found inside, and the region's own box then: a
     * transition whose source and target boxes are the same objects (boxes are replaced, never
     * changed) needs no new check.
     */
    private static final class Checked {
        StateBox source;
        final StateBox[] targets;

        Checked(int pairs) {
            targets = new StateBox[pairs];
        }
    }

    private StepLabel[] successors(StepLabel label, int history) {
        StepLabel[] next = new StepLabel[pairs];
        for (int pair = 0; pair < pairs; pair++) {
            next[pair] = label.next(pair, history);
        }
        return next;
    }

    /** How far a box is pushed past an image it must hold, so that the iteration ends in few rounds. */
    private static double widening(StateBox image) {
        return WIDENING * Math.max(image.width(), STATE_MARGIN);
    }

    /** The boxes reached in one step from {@code box}, one per digit pair, each grown by the state margin. */
    private StateBox[] images(StateBox box) {
        StateBox[] images = cell.stepAll(box, radix);
        for (int pair = 0; pair < pairs; pair++) {
            images[pair] = images[pair].inflated(STATE_MARGIN);
        }
        return images;
    }

    /** The first output failure among the regions {@code labels}; boxes only grow, so others cannot have one. */
    private String outputFailure(Map<StepLabel, StateBox> boxes, Set<StepLabel> labels) {
        for (StepLabel label : labels) {
            Map.Entry<StepLabel, StateBox> region = Map.entry(label, boxes.get(label));
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

    private double[] outputRange(StateBox box, int digit) {
        return Intervals.lead(weights, box, digit);
    }

    private String transition(StepLabel from, int pair, StepLabel to) {
        return "transition [" + from + "] --(" + pair / radix + "," + pair % radix + ")--> [" + to + "]";
    }

    /**
     * Checks the closed boxes once more, every transition, and encodes them. {@code images} and
     * {@code successors} hold every box's images and successor labels from the last round: a round
     * that grew nothing removed no image, and boxes are replaced, never changed, so they are the
     * images of exactly these boxes.
     */
    private Certificate proved(int history, Map<StepLabel, StateBox> boxes, Map<StepLabel, StateBox[]> images,
            Map<StepLabel, StepLabel[]> successors, int rounds, long start) {
        double worstSlack = boxes.entrySet().parallelStream().mapToDouble(region -> {
            StateBox[] next = images.computeIfAbsent(region.getKey(), label -> images(region.getValue()));
            StepLabel[] targets = successors.get(region.getKey());
            double slack = Double.POSITIVE_INFINITY;
            for (int pair = 0; pair < pairs; pair++) {
                slack = Math.min(slack, boxes.get(targets[pair]).slack(next[pair]));
            }
            return slack;
        }).min().orElse(Double.NaN);
        StateBox[] firstSteps = images(zeroState());
        for (int pair = 0; pair < pairs; pair++) {
            worstSlack = Math.min(worstSlack, boxes.get(StepLabel.first(operator, radix, pair)).slack(firstSteps[pair]));
        }
        if (worstSlack < 0) {
            return failed(history, boxes, rounds, start, "a transition left its box on the final check");
        }
        String proof = CertificateEncoder.encode(radix, zeroState().size(), history, boxes);
        return new Certificate(true, history, regions(boxes), worstOutputMargin(boxes), worstSlack, rounds,
                millisSince(start), null, proof);
    }

    private Certificate failed(int history, Map<StepLabel, StateBox> boxes, int rounds, long start, String why) {
        return new Certificate(false, history, regions(boxes), worstOutputMargin(boxes), Double.NaN, rounds,
                millisSince(start), why + " (labels with history " + history + ")", null);
    }

    private double worstOutputMargin(Map<StepLabel, StateBox> boxes) {
        return boxes.entrySet().stream()
                .mapToDouble(e -> outputRange(e.getValue(), e.getKey().sumDigit())[0] - LOGIT_MARGIN)
                .min().orElse(Double.NaN);
    }

    private List<Certificate.Region> regions(Map<StepLabel, StateBox> boxes) {
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
