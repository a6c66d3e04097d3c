package io.neuraladder.train;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.IntPairs;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Scores a DL4J network on operand pairs, at the full 32 bits of an int. */
public final class Validation {

    private static final int CHUNK = 16_384;

    private Validation() {}

    /** Adds every pair with {@code network} and counts exact sums and correct bits. */
    public static ValidationScore score(MultiLayerNetwork network, IntPairs pairs) {
        return score(network, pairs, ModelContract.INT_STEPS);
    }

    /** Like {@link #score(MultiLayerNetwork, IntPairs)}, on the low {@code steps} bits only. */
    static ValidationScore score(MultiLayerNetwork network, IntPairs pairs, int steps) {
        long exact = 0;
        long correctBits = 0;
        for (int from = 0; from < pairs.size(); from += CHUNK) {
            int count = Math.min(CHUNK, pairs.size() - from);
            float[] probabilities = SequenceData.probabilities(
                    network.output(SequenceData.features(pairs, from, count, steps)));
            for (int i = 0; i < count; i++) {
                int sum = pairs.a()[from + i] + pairs.b()[from + i];
                int right = 0;
                for (int t = 0; t < steps; t++) {
                    int predicted = probabilities[i * steps + t] > ModelContract.THRESHOLD ? 1 : 0;
                    right += predicted == BitCodec.bit(sum, t) ? 1 : 0;
                }
                correctBits += right;
                exact += right == steps ? 1 : 0;
            }
        }
        return new ValidationScore(pairs.size(), steps, exact, correctBits);
    }
}
