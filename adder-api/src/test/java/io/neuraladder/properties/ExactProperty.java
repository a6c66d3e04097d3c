package io.neuraladder.properties;

import io.neuraladder.sampling.OperandSamples;
import io.neuraladder.sampling.IntPairs;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * A property test on JUnit 5 for any exact operation: a learned one must agree with the JDK's on
 * every pair, returning the same value or throwing the same {@link ArithmeticException} (message
 * included). Pairs come from seeded generators; each run prints its seed, and the system property
 * {@value AddExactProperty#SEED_PROPERTY} replays one. (No jqwik: see {@link AddExactProperty}.)
 */
public final class ExactProperty {

    private ExactProperty() {}

    /** Int pairs for a subtractor: every edge pair, then uniform, borrow-heavy and carry-heavy pairs. */
    public static IntPairs intPairs(long seed, int samples) {
        SplittableRandom random = new SplittableRandom(seed);
        return OperandSamples.edgePairs().concat(OperandSamples.uniform(random, samples / 2))
                .concat(OperandSamples.borrowHeavy(random, samples / 2))
                .concat(OperandSamples.carryHeavy(random, samples / 4));
    }

    /** Long pairs for a subtractor: mixed long pairs and borrow-heavy ones, {@code samples} of each. */
    public static long[][] longPairs(long seed, int samples) {
        SplittableRandom random = new SplittableRandom(seed);
        long[][] mixed = OperandSamples.mixedLongs(random, samples);
        long[][] borrows = OperandSamples.borrowHeavyLongs(random, samples);
        long[] a = new long[2 * samples];
        long[] b = new long[2 * samples];
        System.arraycopy(mixed[0], 0, a, 0, samples);
        System.arraycopy(borrows[0], 0, a, samples, samples);
        System.arraycopy(mixed[1], 0, b, 0, samples);
        System.arraycopy(borrows[1], 0, b, samples, samples);
        return new long[][] {a, b};
    }

    /**
     * Fails with the first pair on which {@code subject} and {@code reference} disagree, naming the
     * seed that replays it; prints the seed first.
     */
    public static void assertAgree(String property, long seed, IntPairs pairs, IntBinaryOperator reference,
            IntBinaryOperator subject) {
        System.out.printf("property %s: seed %d%n", property, seed);
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.a()[i];
            int b = pairs.b()[i];
            Optional<String> disagreement = disagreement(outcome(() -> reference.applyAsInt(a, b)),
                    outcome(() -> subject.applyAsInt(a, b)));
            if (disagreement.isPresent()) {
                throw new AssertionError(String.format("%s fails on (%d, %d) after %d pairs: %s (replay with -D%s=%d)",
                        property, a, b, i + 1, disagreement.get(), AddExactProperty.SEED_PROPERTY, seed));
            }
        }
    }

    /** Like {@link #assertAgree(String, long, IntPairs, IntBinaryOperator, IntBinaryOperator)}, for longs. */
    public static void assertAgree(String property, long seed, long[][] pairs, LongBinaryOperator reference,
            LongBinaryOperator subject) {
        System.out.printf("property %s: seed %d%n", property, seed);
        for (int i = 0; i < pairs[0].length; i++) {
            long a = pairs[0][i];
            long b = pairs[1][i];
            Optional<String> disagreement = disagreement(outcome(() -> reference.applyAsLong(a, b)),
                    outcome(() -> subject.applyAsLong(a, b)));
            if (disagreement.isPresent()) {
                throw new AssertionError(String.format("%s fails on (%d, %d) after %d pairs: %s (replay with -D%s=%d)",
                        property, a, b, i + 1, disagreement.get(), AddExactProperty.SEED_PROPERTY, seed));
            }
        }
    }

    private interface Call {
        long value();
    }

    private static String outcome(Call call) {
        try {
            return Long.toString(call.value());
        } catch (ArithmeticException e) {
            return "ArithmeticException: " + e.getMessage();
        }
    }

    private static Optional<String> disagreement(String expected, String actual) {
        return expected.equals(actual) ? Optional.empty()
                : Optional.of("expected " + expected + ", got " + actual);
    }
}
