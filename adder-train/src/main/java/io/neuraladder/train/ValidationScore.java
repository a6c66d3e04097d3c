package io.neuraladder.train;

/**
 * How well a network added one set of pairs.
 *
 * @param pairs pairs added
 * @param bitsPerPair sum bits checked per pair
 * @param exactSums pairs whose every sum bit was right
 * @param correctBits sum bits that were right, out of {@code bitsPerPair * pairs}
 */
public record ValidationScore(long pairs, int bitsPerPair, long exactSums, long correctBits) {

    /** The share of pairs added exactly. */
    public double exactRate() {
        return pairs == 0 ? 1.0 : (double) exactSums / pairs;
    }

    /** The share of sum bits that were right. */
    public double bitAccuracy() {
        return pairs == 0 ? 1.0 : (double) correctBits / ((double) bitsPerPair * pairs);
    }

    /** Whether every pair was added exactly. */
    public boolean perfect() {
        return exactSums == pairs;
    }
}
