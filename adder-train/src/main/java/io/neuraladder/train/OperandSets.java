package io.neuraladder.train;

import io.neuraladder.contract.Operator;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The operand pairs a run trains and validates on, drawn the way the contract of its radix reads
 * numbers. Radix 2: ints, trained on their low bits (half uniform, half carry-heavy) and validated
 * at 32 bits on uniform, edge and carry-heavy pairs ({@link OperandSamples}). Other radixes:
 * digit strings ({@link DigitSamples}), trained at the training length (half uniform, half
 * carry-heavy, a share of it quiet chains) and validated on 1 to {@value #VALIDATION_DIGITS}
 * digits, half of the carry-heavy pairs quiet chains, and on edge pairs. For subtraction the
 * carry-heavy pairs are borrow-heavy ({@link OperandSamples#borrowHeavy}, {@link DigitSamples} for
 * {@link Operator#SUBTRACT}). Uniform pairs alone are not enough: they hide carry and borrow bugs.
 */
public sealed interface OperandSets {

    /** Longest digit-serial operands in the validation sets, far beyond the training length. */
    int VALIDATION_DIGITS = 40;

    /** The sets of {@code config}'s radix. */
    static OperandSets of(TrainingConfig config) {
        return config.binary() ? new Bits(config) : new Digits(config);
    }

    /** A fresh minibatch of training pairs. */
    TrainingPairs batch(SplittableRandom random);

    /** {@code count} fresh uniform pairs. */
    TrainingPairs uniform(SplittableRandom random, int count);

    /** Every pair of edge values. */
    TrainingPairs edge();

    /** {@code count} fresh carry-heavy pairs. */
    TrainingPairs carryHeavy(SplittableRandom random, int count);

    /** Carry-heavy pairs per evaluation that has {@code uniform} uniform ones. */
    int carryHeavyPairs(int uniform);

    /** What the validation sets hold, for model cards. */
    String description();

    /** Radix 2: ints. */
    record Bits(TrainingConfig config) implements OperandSets {

        /** How many uniform pairs an evaluation adds per carry-heavy pair. */
        static final int UNIFORM_PER_CARRY_HEAVY = 5;

        @Override
        public TrainingPairs batch(SplittableRandom random) {
            int uniform = config.batchSize() / 2;
            return TrainingPairs.bits(OperandSamples.uniform(random, uniform)
                    .concat(chainHeavy(random, config.batchSize() - uniform)), config.trainSteps());
        }

        @Override
        public TrainingPairs uniform(SplittableRandom random, int count) {
            return TrainingPairs.bits(OperandSamples.uniform(random, count), Integer.SIZE);
        }

        @Override
        public TrainingPairs edge() {
            return TrainingPairs.bits(OperandSamples.edgePairs(), Integer.SIZE);
        }

        @Override
        public TrainingPairs carryHeavy(SplittableRandom random, int count) {
            return TrainingPairs.bits(chainHeavy(random, count), Integer.SIZE);
        }

        private IntPairs chainHeavy(SplittableRandom random, int count) {
            return config.operator().chainHeavy(random, count);
        }

        @Override
        public int carryHeavyPairs(int uniform) {
            return Math.max(1, uniform / UNIFORM_PER_CARRY_HEAVY);
        }

        @Override
        public String description() {
            return config.validationPairs() + " uniform pairs, every edge pair, " + carryHeavyPairs(config.validationPairs())
                    + " " + config.operator().chainHeavyName() + " pairs, all at 32 bits";
        }
    }

    /** Radixes 3 to 36: digit strings. */
    record Digits(TrainingConfig config, DigitSamples samples) implements OperandSets {

        Digits(TrainingConfig config) {
            this(config, new DigitSamples(config.operator(), config.radix()));
        }

        @Override
        public TrainingPairs batch(SplittableRandom random) {
            int half = config.batchSize() / 2;
            int digits = config.trainDigits();
            String[][] uniform = samples.uniform(random, half, digits);
            int quiet = (int) Math.round(config.quietChains() * (config.batchSize() - half));
            String[][] carries = samples.carryHeavy(random, config.batchSize() - half - quiet, digits);
            String[][] batch = new String[config.batchSize()][];
            System.arraycopy(uniform, 0, batch, 0, half);
            System.arraycopy(carries, 0, batch, half, carries.length);
            if (quiet > 0) {
                System.arraycopy(samples.quietChains(random, quiet, digits), 0, batch, half + carries.length, quiet);
            }
            return TrainingPairs.digits(batch, config.radix());
        }

        @Override
        public TrainingPairs uniform(SplittableRandom random, int count) {
            String[][] pairs = new String[count][];
            for (int n = 0; n < count; n++) {
                pairs[n] = samples.uniform(random, 1, 1 + random.nextInt(VALIDATION_DIGITS))[0];
            }
            return TrainingPairs.digits(pairs, config.radix());
        }

        /** Every pair of 0, 1, the top digit, runs of it, and powers of the radix. */
        @Override
        public TrainingPairs edge() {
            char top = Character.forDigit(config.radix() - 1, config.radix());
            List<String> values = new ArrayList<>(List.of("0", "1", String.valueOf(top)));
            for (int length : new int[] {2, 8, VALIDATION_DIGITS}) {
                values.add(String.valueOf(top).repeat(length));
                values.add("1" + "0".repeat(length - 1));
            }
            String[][] pairs = new String[values.size() * values.size()][];
            for (int i = 0; i < values.size(); i++) {
                for (int j = 0; j < values.size(); j++) {
                    pairs[i * values.size() + j] = new String[] {values.get(i), values.get(j)};
                }
            }
            return TrainingPairs.digits(pairs, config.radix());
        }

        /** Carry-heavy pairs, every other one a quiet chain instead. */
        @Override
        public TrainingPairs carryHeavy(SplittableRandom random, int count) {
            String[][] pairs = new String[count][];
            for (int n = 0; n < count; n++) {
                int length = 1 + random.nextInt(VALIDATION_DIGITS);
                pairs[n] = (n % 2 == 0 ? samples.carryHeavy(random, 1, length)
                        : samples.quietChains(random, 1, length))[0];
            }
            return TrainingPairs.digits(pairs, config.radix());
        }

        @Override
        public int carryHeavyPairs(int uniform) {
            return uniform;
        }

        @Override
        public String description() {
            return config.validationPairs() + " uniform and as many " + config.operator().chainHeavyName()
                    + " pairs (half of them quiet chains) of 1 to "
                    + VALIDATION_DIGITS + " digits, and every edge pair";
        }
    }
}
