package io.neuraladder.train.certify;

import io.neuraladder.contract.MetadataKey;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of {@link CarryCertifier#certify}: either a proof that the model adds exactly for
 * inputs of every length, with its regions and margins, or the transition where the proof failed.
 *
 * @param proved whether every transition closed and every output was on the right side
 * @param history pairs of input history in each region's label
 * @param regions the regions, one per label, with their boxes' widths and output logits
 * @param worstOutputMargin the smallest distance, in logits, of an output interval from the wrong
 *     side, after the {@link CarryCertifier#LOGIT_MARGIN} is subtracted
 * @param worstContainmentSlack the smallest distance from a transition's image (already grown by
 *     {@link CarryCertifier#STATE_MARGIN}) to its target box's boundary, in state space with the search's
 *     own bounds: not the kernel's figure (docs/certification.md, "Two slacks")
 * @param rounds iterations until the boxes were closed
 * @param millis time taken
 * @param failure where and by how much the proof failed; {@code null} when proved
 * @param proof the proof in {@link io.neuraladder.contract.CertificateFormat}, as stored in a model
 *     file and checked by the runtime; {@code null} when not proved
 */
public record Certificate(boolean proved, int history, List<Region> regions, double worstOutputMargin,
        double worstContainmentSlack, int rounds, long millis, String failure, String proof) {

    /**
     * One region of the state space.
     *
     * @param label what the task knows in it
     * @param sumBit the sum bit (or digit) every state of the region must output
     * @param width the widest side of its box
     * @param logitLow over the box, the lower bound of the output logit (binary) or of the sum
     *     digit's smallest lead over the other digits' logits (decimal)
     * @param logitHigh the matching upper bound
     */
    public record Region(String label, int sumBit, double width, double logitLow, double logitHigh) {}

    private static final int SHOWN_TIGHTEST = 20;

    /** A one-line summary for model cards and metadata. */
    public String summary() {
        return proved
                ? String.format(Locale.ROOT, "proved: %d regions (history %d), worst output margin %.3f logits, "
                        + "worst containment slack %.2e, %d rounds", regions.size(), history, worstOutputMargin,
                        worstContainmentSlack, rounds)
                : "not proved: " + failure;
    }

    /**
     * The metadata a model file carries for this certificate: its summary, and its proof when the
     * runtime can check it (when {@link #proved()}).
     */
    public Map<MetadataKey, String> metadata() {
        Map<MetadataKey, String> metadata = new EnumMap<>(MetadataKey.class);
        metadata.put(MetadataKey.CERTIFICATE, summary());
        if (proved) {
            metadata.put(MetadataKey.CERTIFICATE_PROOF, proof);
        }
        return metadata;
    }

    /** The certificate line of a model card: the summary, and whether the runtime checks it at load. */
    public String cardStatement() {
        return summary() + (proved ? "; embedded in the file, checked by the runtime at every load." : ".");
    }

    /** Regions listed in full by {@link #report()}; beyond this, only the tightest are. */
    public static final int LISTED_REGIONS = 200;

    /**
     * The certificate as a table for people: every region, or for large certificates the
     * {@value #SHOWN_TIGHTEST} with the smallest output margin.
     */
    public String report() {
        StringBuilder text = new StringBuilder();
        List<Region> shown = regions;
        if (regions.size() > LISTED_REGIONS) {
            shown = regions.stream().sorted(Comparator.comparingDouble(Region::logitLow))
                    .limit(SHOWN_TIGHTEST).toList();
            text.append(String.format(Locale.ROOT, "%d regions; the %d with the smallest output lead:%n",
                    regions.size(), SHOWN_TIGHTEST));
        }
        text.append(String.format(Locale.ROOT, "%-40s %3s %10s %24s%n", "region", "bit", "box width", "output logit"));
        for (Region r : shown) {
            text.append(String.format(Locale.ROOT, "%-40s %3d %10.2e %11.3f .. %9.3f%n", r.label(), r.sumBit(),
                    r.width(), r.logitLow(), r.logitHigh()));
        }
        text.append(String.format(Locale.ROOT, "%n%s%ntime: %d ms%n", summary(), millis));
        return text.toString();
    }
}
