package io.neuraladder.properties;

import io.neuraladder.sampling.OperandSamples;
import io.neuraladder.sampling.IntPairs;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

/**
 * A property test on JUnit 5: an adder must agree with {@link Math#addExact(int, int)} on every
 * generated pair, returning the same sum or throwing {@link ArithmeticException} when it does.
 *
 * <p>Pairs come from {@link OperandSamples#mixed}, preceded by every {@link OperandSamples#edgePairs()
 * edge pair}. Each run draws a fresh seed and prints it; set the system property
 * {@value #SEED_PROPERTY} to replay one ({@code mvn test -Dneuraladder.seed=...}).
 *
 * <p>We do not use jqwik: from version 1.10 its maintainers ask that it not be used by AI coding
 * agents, and this project respects that (see docs/testing.md).
 */
public final class AddExactProperty {

    /** The system property that replays a run with a given seed. */
    public static final String SEED_PROPERTY = "neuraladder.seed";

    /** The default number of generated pairs per run, on top of the edge pairs. */
    public static final int DEFAULT_SAMPLES = 10_000;

    private AddExactProperty() {}

    /** A pair on which the adder and {@link Math#addExact(int, int)} disagree. */
    public record Counterexample(int a, int b, String expected, String actual) {
        @Override
        public String toString() {
            return a + " + " + b + ": expected " + expected + ", got " + actual;
        }
    }

    /** The result of one run: its seed, how many pairs were checked, and the first counterexample. */
    public record Outcome(long seed, int checked, Optional<Counterexample> counterexample) {
        public boolean holds() {
            return counterexample.isEmpty();
        }
    }

    /** The seed to use: {@value #SEED_PROPERTY} when set, else a fresh one. */
    public static long seed() {
        String replay = System.getProperty(SEED_PROPERTY);
        return replay != null ? Long.parseLong(replay.trim()) : new SplittableRandom().nextLong();
    }

    /** Checks {@code adder} on the edge pairs and {@code samples} mixed pairs drawn from {@code seed}. */
    public static Outcome check(IntBinaryOperator adder, int samples, long seed) {
        IntPairs pairs = OperandSamples.edgePairs().concat(OperandSamples.mixed(new SplittableRandom(seed), samples));
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.a()[i];
            int b = pairs.b()[i];
            String expected = outcome(Math::addExact, a, b);
            String actual = outcome(adder, a, b);
            if (!expected.equals(actual)) {
                return new Outcome(seed, i + 1, Optional.of(new Counterexample(a, b, expected, actual)));
            }
        }
        return new Outcome(seed, pairs.size(), Optional.empty());
    }

    /**
     * Runs the property with a fresh (or replayed) seed, prints the seed, and fails with the first
     * counterexample and the command that replays it.
     */
    public static void assertHolds(String subject, IntBinaryOperator adder, int samples) {
        long seed = seed();
        System.out.printf("property add == Math.addExact for %s: seed %d%n", subject, seed);
        Outcome outcome = check(adder, samples, seed);
        outcome.counterexample().ifPresent(c -> {
            throw new AssertionError(String.format(
                    "%s disagrees with Math.addExact after %d pairs: %s (replay with -D%s=%d)",
                    subject, outcome.checked(), c, SEED_PROPERTY, seed));
        });
    }

    private static String outcome(IntBinaryOperator adder, int a, int b) {
        try {
            return Integer.toString(adder.applyAsInt(a, b));
        } catch (ArithmeticException e) {
            return "ArithmeticException";
        }
    }
}
