package io.neuraladder.train.experiments;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import java.util.SplittableRandom;

/**
 * Exact-sum accuracy by operand length: for each length L, the share of uniformly random pairs of
 * L-bit strings whose L-bit sum (mod 2^L) the network gets entirely right, run in double precision
 * from the zero state like the exported file.
 */
public final class LengthAccuracy {

    /** The lengths measured: every length to 20 (the documents report 19), then every fourth to 128. */
    public static final int[] LENGTHS = lengths();

    private LengthAccuracy() {}

    /** The exact-sum rate at each of {@link #LENGTHS}, on {@code samples} fresh pairs per length. */
    public static double[] measure(CellWeights weights, int samples, long seed) {
        RecurrentCell cell = RecurrentCell.of(weights);
        SplittableRandom random = new SplittableRandom(seed);
        double[] rates = new double[LENGTHS.length];
        for (int k = 0; k < LENGTHS.length; k++) {
            int exact = 0;
            boolean[] a = new boolean[LENGTHS[k]];
            boolean[] b = new boolean[LENGTHS[k]];
            for (int n = 0; n < samples; n++) {
                for (int t = 0; t < a.length; t++) {
                    a[t] = random.nextBoolean();
                    b[t] = random.nextBoolean();
                }
                exact += addsExactly(cell, a, b) ? 1 : 0;
            }
            rates[k] = (double) exact / samples;
        }
        return rates;
    }

    /** Whether the network adds the bit strings {@code a} and {@code b} (LSB first, equal length) exactly, mod 2^length. */
    private static boolean addsExactly(RecurrentCell cell, boolean[] a, boolean[] b) {
        double[] state = new double[cell.stateSize()];
        boolean carry = false;
        for (int t = 0; t < a.length; t++) {
            cell.step(state, a[t] ? 1 : 0, b[t] ? 1 : 0);
            boolean sum = a[t] ^ b[t] ^ carry;
            carry = (a[t] & b[t]) | (carry & (a[t] ^ b[t]));
            if (cell.logit(state) > 0 != sum) {
                return false;
            }
        }
        return true;
    }

    /** The index of {@code length} in {@link #LENGTHS}. */
    public static int indexOf(int length) {
        for (int k = 0; k < LENGTHS.length; k++) {
            if (LENGTHS[k] == length) {
                return k;
            }
        }
        throw new IllegalArgumentException("length " + length + " is not measured; see LengthAccuracy.LENGTHS");
    }

    private static int[] lengths() {
        int[] lengths = new int[20 + 27];
        for (int k = 0; k < 20; k++) {
            lengths[k] = k + 1;
        }
        for (int k = 0; k < 27; k++) {
            lengths[20 + k] = 24 + 4 * k;
        }
        return lengths;
    }
}
