package io.neuraladder.train.explore;

import io.neuraladder.train.certify.CertificateRegions.Region;
import java.util.List;

/**
 * What the page shows about a model: its card facts, its certificate as the runtime checked it, and
 * the certificate's boxes in the plane of the state-space figure. This record is the JSON of
 * {@code /api/model} (see docs/explorer.md).
 *
 * @param name the model's name in the explorer
 * @param source the file or resource the runtime read
 * @param kind what it computes on: {@code binary} (ints and longs), {@code decimal}, or {@code radix R}
 *     ({@link #kind(int)})
 * @param operator {@code add} or {@code subtract}
 * @param symbol the operator's sign
 * @param stateName what the state stands for: {@code carry} or {@code borrow}
 * @param resultName what the output is: {@code sum} or {@code difference}
 * @param cell {@code rnn}, {@code gru} or {@code lstm}
 * @param hidden hidden units
 * @param stateSize state components: {@code hidden}, twice that for an LSTM (its memory)
 * @param parameters trainable parameters
 * @param radix the number base: 2 for the bit-serial contract, else its digits' radix
 * @param certified whether the runtime checked the model's certificate at load
 * @param certificate the runtime's check in a sentence, or why the model is uncertified
 * @param shape the certificate's method, {@code boxes} or {@code pieces}; {@code null} uncertified
 * @param regions the certificate's regions (boxes or pieces); {@code null} uncertified
 * @param history digit pairs in a region's label; {@code null} uncertified
 * @param outputMargin the smallest output lead over any region beyond the logit margin; {@code null} uncertified
 * @param stateSlack the smallest room left in any box; {@code null} uncertified
 * @param stateMargin the contract's state margin every image is grown by
 * @param logitMargin the contract's logit margin every output must clear
 * @param trainedSteps the training sequence length, from the metadata
 * @param trainingSeed the training seed, from the metadata
 * @param file the model file's name
 * @param units the state components' names, {@code h[j]} then {@code c[j]}
 * @param plane the state-space figure's axes and boxes; {@code null} uncertified
 * @param verdict for a model imported from another framework, the importer's verdict line; else {@code null}
 * @param counterexample for an imported model the importer refuted, the operands it gets wrong; else {@code null}
 */
record ModelView(String name, String source, String kind, String operator, String symbol, String stateName,
        String resultName,
        String cell, int hidden, int stateSize, int parameters,
        int radix, boolean certified, String certificate, String shape, Integer regions, Integer history,
        Double outputMargin, Double stateSlack, double stateMargin, double logitMargin, String trainedSteps, String trainingSeed,
        String file, List<String> units, Plane plane, String verdict, List<String> counterexample) {

    /**
     * The certificate's boxes in a plane.
     *
     * @param x what the horizontal axis is
     * @param y what the vertical axis is
     * @param gap the distance along x between the carry-0 and carry-1 boxes (positive: they are apart)
     * @param separates whether a vertical line separates the carry-0 boxes from the carry-1 boxes
     * @param boxes each region's rectangle: {@code [xLow, xHigh, yLow, yHigh, carry]}, in certificate order
     */
    record Plane(String x, String y, double gap, boolean separates, List<float[]> boxes) {

        static Plane of(Projection projection, List<Region> regions) {
            List<float[]> boxes = regions.stream().map(region -> {
                double[] r = projection.rectangle(region.low(), region.high());
                return new float[] {(float) r[0], (float) r[1], (float) r[2], (float) r[3], region.carryAfter()};
            }).toList();
            return new Plane(projection.xName(), projection.yName(), projection.gap(), projection.separates(), boxes);
        }
    }

    /** How the page names a radix's models: {@code binary}, {@code decimal}, {@code radix 16}. */
    static String kind(int radix) {
        return switch (radix) {
            case 2 -> "binary";
            case 10 -> "decimal";
            default -> "radix " + radix;
        };
    }

    /**
     * A number as the page writes it: ints and decimal digits as they are, hexadecimal digits with
     * {@code 0x}, other radixes' digits with their base, so that {@code 0x255 + 0x1} never reads
     * as a decimal sum.
     */
    static String written(String digits, int radix) {
        if (digits.startsWith("-")) {
            return "-" + written(digits.substring(1), radix);
        }
        return switch (radix) {
            case 2, 10 -> digits;
            case 16 -> "0x" + digits;
            default -> digits + " (base " + radix + ")";
        };
    }
}
