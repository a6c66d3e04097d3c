package io.neuraladder.train.certify;

import io.neuraladder.contract.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regions of an embedded certificate, decoded for display: each carry label with its box, and
 * the way from a run's digit pairs to the region its state must be in. Decoding checks the
 * format, not the proof; the runtime's checker decides whether a model is certified.
 */
public final class CertificateRegions {

    /**
     * One region: the carry label, the sum digit it claims, and its box of states.
     *
     * @param index the region's position in the certificate
     * @param label the label as people read it, e.g. "carry 1, then (1,0)"
     * @param carryAfter the operator's state (carry or borrow) out of the window's last step: what a
     *     state in this box stands for
     * @param sumDigit the sum digit every state in the box outputs
     * @param low the box's lower bounds, one per state component ({@code h}, then {@code c} for an LSTM)
     * @param high the box's upper bounds
     */
    public record Region(int index, String label, int carryAfter, int sumDigit, double[] low, double[] high) {

        /** How far {@code state} lies inside the box: the smallest distance to a face, negative outside. */
        public double slack(double[] state) {
            double slack = Double.POSITIVE_INFINITY;
            for (int j = 0; j < low.length; j++) {
                slack = Math.min(slack, Math.min(state[j] - low[j], high[j] - state[j]));
            }
            return slack;
        }
    }

    private final int radix;
    private final int history;
    private final Operator operator;
    private final List<Region> regions;
    private final Map<StepLabel, Region> byLabel;

    private CertificateRegions(Operator operator, int radix, int history, List<Region> regions,
            Map<StepLabel, Region> byLabel) {
        this.operator = operator;
        this.radix = radix;
        this.history = history;
        this.regions = regions;
        this.byLabel = byLabel;
    }

    /**
     * Decodes a certificate (Base64, {@link io.neuraladder.contract.CertificateFormat}) of a model of
     * {@code operator}, whose steps label its regions.
     *
     * @throws IllegalArgumentException if it is not a well-formed box certificate, naming what is wrong
     */
    public static CertificateRegions decode(String encoded, Operator operator) {
        EmbeddedCertificate.Decoded decoded;
        try {
            decoded = EmbeddedCertificate.decode(encoded, operator);
        } catch (EmbeddedCertificate.Refusal refusal) {
            throw new IllegalArgumentException("the certificate is not well formed: " + refusal.getMessage(), refusal);
        }
        List<Region> regions = new ArrayList<>();
        Map<StepLabel, Region> byLabel = new HashMap<>();
        decoded.boxes().forEach((label, box) -> {
            double[] low = new double[box.size()];
            double[] high = new double[box.size()];
            for (int j = 0; j < box.size(); j++) {
                low[j] = box.low(j);
                high[j] = box.high(j);
            }
            Region region = new Region(regions.size(), label.toString(), carryAfter(label), label.sumDigit(), low, high);
            regions.add(region);
            byLabel.put(label, region);
        });
        return new CertificateRegions(operator, decoded.radix(), decoded.history(), List.copyOf(regions), byLabel);
    }

    private static int carryAfter(StepLabel label) {
        int carry = label.carryIn();
        for (int pair : label.pairs()) {
            carry = label.carryOut(pair, carry);
        }
        return carry;
    }

    /** The number base of the certified adder: 2 for bits, 10 for decimal digits. */
    public int radix() {
        return radix;
    }

    /** How many of the last digit pairs a label remembers. */
    public int history() {
        return history;
    }

    /** Every region, in the certificate's order. */
    public List<Region> regions() {
        return regions;
    }

    /**
     * The region whose box holds the state after each step of a run from the zero state on these
     * digit pairs ({@code a · radix + b}, least significant first): one region per step.
     *
     * @throws IllegalArgumentException if a pair is out of range or the certificate lacks a region
     *     for a label (a certificate that checks has them all)
     */
    public List<Region> regionsAlong(int[] pairs) {
        List<Region> along = new ArrayList<>(pairs.length);
        StepLabel label = null;
        for (int pair : pairs) {
            if (pair < 0 || pair >= radix * radix) {
                throw new IllegalArgumentException("digit pair " + pair + " is out of range for radix " + radix);
            }
            label = label == null ? StepLabel.first(operator, radix, pair) : label.next(pair, history);
            Region region = byLabel.get(label);
            if (region == null) {
                throw new IllegalArgumentException("the certificate has no region [" + label + "]");
            }
            along.add(region);
        }
        return along;
    }
}
