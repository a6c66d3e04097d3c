package io.neuraladder.train;

/**
 * How well a network computed one set of pairs.
 *
 * @param pairs pairs computed
 * @param digits output digits (bits) checked in all
 * @param exactSums pairs whose every output digit was right
 * @param correctDigits output digits that were right, out of {@code digits}
 */
public record ValidationScore(long pairs, long digits, long exactSums, long correctDigits) {

    /** The share of pairs computed exactly. */
    public double exactRate() {
        return pairs == 0 ? 1.0 : (double) exactSums / pairs;
    }

    /** The share of output digits that were right. */
    public double bitAccuracy() {
        return digits == 0 ? 1.0 : (double) correctDigits / digits;
    }

    /** Whether every pair was computed exactly. */
    public boolean perfect() {
        return exactSums == pairs;
    }
}
