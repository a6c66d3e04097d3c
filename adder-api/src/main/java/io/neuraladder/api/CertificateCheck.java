package io.neuraladder.api;

import io.neuraladder.contract.CellType;
import java.time.Duration;
import java.util.Locale;

/**
 * What the runtime's checker found when it verified a model's carry certificate in this process:
 * the proof holds, so the model adds exactly for inputs of every length.
 *
 * @param cell the recurrent cell the certificate was checked for
 * @param method the proof's shape: boxes, or a cover by pieces
 * @param regions the certificate's regions: carry labels with their boxes, or the cover's pieces
 * @param history digit pairs in each region's label
 * @param transitions images checked: one per region and next digit pair, plus the first steps
 *     (for a cover: one per piece and string of pairs, plus the strings from the zero state)
 * @param outputMargin the smallest lead, in logits, of the right output over the decision
 *     boundary over any region, beyond the contract's logit margin
 * @param stateSlack the smallest distance from any step's image (already grown by the contract's
 *     state margin) to the face of the box it must lie in, with the kernel's outward-rounded
 *     bounds; for an RNN measured on the preactivation (against the box's proven tanh preimage),
 *     so it is not the search's figure in the file's summary (docs/certification.md, "Two slacks");
 *     for a cover, in the target pieces' own coordinates (where a piece spans −1 to 1)
 * @param checkTime how long the check took
 */
public record CertificateCheck(CellType cell, CertificateMethod method, int regions, int history, long transitions, double outputMargin,
        double stateSlack,
        Duration checkTime) {

    /** One line for logs and people. */
    @Override
    public String toString() {
        boolean pieces = method == CertificateMethod.PIECES;
        return String.format(Locale.ROOT, "checked at load: %s, %d %s (history %d), %d transitions, "
                + "smallest output margin %.3f logits, smallest slack %.2e%s, %.1f ms", cell.metadataName(), regions,
                pieces ? "pieces" : "regions", history, transitions, outputMargin, stateSlack,
                pieces ? " (in the pieces' coordinates)" : cell == CellType.RNN ? " (on the preactivation)" : "",
                checkTime.toNanos() / 1e6);
    }
}
