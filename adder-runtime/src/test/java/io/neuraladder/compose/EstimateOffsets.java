package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;

/**
 * How far a corrected composition's estimates land from the exact values: some must be off, so that
 * the corrections are exercised, and none by more than a few units, or the corrections would be
 * slow (or the fallback would serve).
 */
final class EstimateOffsets {

    /** The farthest an estimate may be from its exact value. */
    static final int MOST = 4;

    private final String name;
    private int count;
    private int off;
    private int farthest;

    /** Offsets of {@code name}'s estimates. */
    EstimateOffsets(String name) {
        this.name = name;
    }

    /** Records one estimate beside its exact value. */
    void add(BigInteger estimate, BigInteger exact) {
        int offset = estimate.subtract(exact).abs().min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
        count++;
        off += offset == 0 ? 0 : 1;
        farthest = Math.max(farthest, offset);
    }

    /** Prints the counts and asserts that some estimates were off, none by more than {@link #MOST}. */
    void assertCorrectionsExercisedAndFew() {
        System.out.printf("%s: %d of %d estimates needed corrections, the farthest %d (seed %d)%n", name, off, count,
                farthest, AddExactProperty.seed());
        assertTrue(off > 0, name + ": the estimate alone is wrong on some operands, so the corrections are exercised");
        assertTrue(farthest <= MOST, name + ": the estimate stays within a few units, not " + farthest);
    }
}
