package io.neuraladder.train.decimal;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import java.math.BigInteger;

/**
 * Scores decimal adder weights against {@link BigInteger#add}, running the cell in double
 * precision on exactly the float32 weights an exported file holds.
 */
public final class DecimalValidation {

    private DecimalValidation() {}

    /** The share of pairs whose whole sum (every digit, the final carry included) was right. */
    public static double exactRate(CellWeights weights, String[][] pairs) {
        RecurrentCell cell = RecurrentCell.of(weights);
        int exact = 0;
        for (String[] pair : pairs) {
            exact += isExact(cell, pair[0], pair[1]) ? 1 : 0;
        }
        return pairs.length == 0 ? 1 : (double) exact / pairs.length;
    }

    /** Whether the network adds {@code a} and {@code b} exactly. */
    static boolean isExact(RecurrentCell cell, String a, String b) {
        String expected = new BigInteger(a).add(new BigInteger(b)).toString();
        String computed = cell.addDigits(a, b);
        int first = 0;
        while (first < computed.length() - 1 && computed.charAt(first) == '0') {
            first++;
        }
        return computed.substring(first).equals(expected);
    }
}
