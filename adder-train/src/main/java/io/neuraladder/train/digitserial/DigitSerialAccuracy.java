package io.neuraladder.train.digitserial;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import java.util.SplittableRandom;

/**
 * Exact-sum accuracy of a digit-serial adder by operand length, against {@link java.math.BigInteger}:
 * the measure the documents report for their sequence-to-sequence models.
 */
public final class DigitSerialAccuracy {

    /** The operand lengths measured, in digits. */
    public static final int[] DIGITS = {1, 2, 3, 5, 10, 21, 50, 100, 1_000};

    private DigitSerialAccuracy() {}

    /**
     * The share of pairs added exactly at each of {@link #DIGITS}: {@code samples} fresh pairs per
     * length, half uniform, half carry-heavy.
     */
    public static double[] measure(CellWeights weights, int samples, long seed) {
        RecurrentCell cell = RecurrentCell.of(weights);
        SplittableRandom random = new SplittableRandom(seed);
        DigitSamples digits = new DigitSamples(weights.radix());
        double[] rates = new double[DIGITS.length];
        for (int k = 0; k < DIGITS.length; k++) {
            String[][] uniform = digits.uniform(random, samples / 2, DIGITS[k]);
            String[][] carries = digits.carryHeavy(random, samples - samples / 2, DIGITS[k]);
            int exact = 0;
            for (String[] pair : uniform) {
                exact += DigitSerialValidation.isExact(cell, pair[0], pair[1]) ? 1 : 0;
            }
            for (String[] pair : carries) {
                exact += DigitSerialValidation.isExact(cell, pair[0], pair[1]) ? 1 : 0;
            }
            rates[k] = (double) exact / samples;
        }
        return rates;
    }
}
