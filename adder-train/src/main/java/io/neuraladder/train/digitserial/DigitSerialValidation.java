package io.neuraladder.train.digitserial;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import java.math.BigInteger;

/**
 * Scores digit-serial adder weights against {@link BigInteger#add}, running the cell in double
 * precision on exactly the float32 weights an exported file holds.
 */
public final class DigitSerialValidation {

    private DigitSerialValidation() {}

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
        int radix = cell.weights().radix();
        String expected = new BigInteger(a, radix).add(new BigInteger(b, radix)).toString(radix);
        String computed = cell.addDigits(a, b);
        int first = 0;
        while (first < computed.length() - 1 && computed.charAt(first) == '0') {
            first++;
        }
        return computed.substring(first).equals(expected);
    }
}
