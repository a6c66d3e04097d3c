package io.neuraladder.train.digitserial;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Trains a digit-serial adder until it is exact on fresh uniform and carry-heavy pairs of 1 to
 * {@value #VALIDATION_DIGITS} digits (half of the carry-heavy ones quiet chains,
 * {@link DigitSamples#quietChains}) and the carry certificate proves it exact for every length, in
 * a form the runtime checks ({@link Certificate#embeddable()}; the search runs only when every
 * validation pair is exact); then a ten times larger fresh set must be exact too. Each minibatch is fresh: half uniform, half
 * carry-heavy pairs of {@link DigitSerialConfig#trainDigits()} digits, a share
 * {@link DigitSerialConfig#quietChains()} of those quiet chains.
 */
public final class DigitSerialTrainer {

    /** Longest operands in the validation sets, far beyond the training length. */
    public static final int VALIDATION_DIGITS = 40;

    private final DigitSerialConfig config;
    private final boolean requireCertificate;
    private final IntConsumer onIteration;
    private final Consumer<DigitSerialResult.Row> onEvaluation;
    private final DigitSamples digits;

    /** A trainer for {@code config} that reports each minibatch and each evaluation. */
    public DigitSerialTrainer(DigitSerialConfig config, IntConsumer onIteration, Consumer<DigitSerialResult.Row> onEvaluation) {
        this(config, true, onIteration, onEvaluation);
    }

    /**
     * A trainer that, unless {@code requireCertificate}, when the budget runs out without a
     * certificate, still reports the last model as exact if it is exact on the last validation
     * sets and on a ten times larger confirmation.
     */
    public DigitSerialTrainer(DigitSerialConfig config, boolean requireCertificate, IntConsumer onIteration,
            Consumer<DigitSerialResult.Row> onEvaluation) {
        this.config = config;
        this.requireCertificate = requireCertificate;
        this.onIteration = onIteration;
        this.onEvaluation = onEvaluation;
        this.digits = new DigitSamples(config.radix());
    }

    /** Trains from scratch; the result says whether the goal was met. */
    public DigitSerialResult train() {
        DigitSerialLearner learner = new DigitSerialLearner(config);
        SplittableRandom data = new SplittableRandom(config.seed());
        SplittableRandom validation = data.split();
        List<DigitSerialResult.Row> rows = new ArrayList<>();
        long start = System.nanoTime();
        int iteration = 0;
        while (iteration < config.maxIterations()) {
            String[][] batch = batch(data);
            learner.fit(batch);
            onIteration.accept(++iteration);
            if (iteration % config.evaluateEvery() != 0 && iteration != config.maxIterations()) {
                continue;
            }
            CellWeights weights = learner.weights();
            double trainingExact = DigitSerialValidation.exactRate(weights, batch);
            double uniformExact = DigitSerialValidation.exactRate(weights, uniform(validation, config.validationPairs()));
            double carryHeavyExact = DigitSerialValidation.exactRate(weights,
                    carryHeavy(validation, config.validationPairs()));
            // A model that a validation pair refutes has no proof; the search would spend seconds finding none.
            boolean refuted = uniformExact < 1 || carryHeavyExact < 1;
            Certificate certificate = refuted ? null : new CarryCertifier(weights).certify();
            DigitSerialResult.Row row = new DigitSerialResult.Row(iteration, millisSince(start), trainingExact,
                    uniformExact, carryHeavyExact, certificate != null && certificate.embeddable());
            rows.add(row);
            onEvaluation.accept(row);
            if (row.certified() && confirm(weights, validation)) {
                return new DigitSerialResult(config, weights, rows, certificate, true, iteration, millisSince(start));
            }
        }
        CellWeights weights = learner.weights();
        boolean exact = !requireCertificate && !rows.isEmpty() && rows.get(rows.size() - 1).perfect()
                && confirm(weights, validation);
        return new DigitSerialResult(config, weights, rows, new CarryCertifier(weights).certify(), exact, iteration,
                millisSince(start));
    }

    /** Whether ten times larger fresh validation sets are exact too. */
    private boolean confirm(CellWeights weights, SplittableRandom validation) {
        int confirmation = 10 * config.validationPairs();
        return DigitSerialValidation.exactRate(weights, uniform(validation, confirmation)) == 1
                && DigitSerialValidation.exactRate(weights, carryHeavy(validation, confirmation)) == 1;
    }

    private String[][] batch(SplittableRandom random) {
        int half = config.batchSize() / 2;
        String[][] uniform = digits.uniform(random, half, config.trainDigits());
        int quiet = (int) Math.round(config.quietChains() * (config.batchSize() - half));
        String[][] carries = digits.carryHeavy(random, config.batchSize() - half - quiet, config.trainDigits());
        String[][] batch = new String[config.batchSize()][];
        System.arraycopy(uniform, 0, batch, 0, half);
        System.arraycopy(carries, 0, batch, half, carries.length);
        if (quiet > 0) {
            String[][] chains = digits.quietChains(random, quiet, config.trainDigits());
            System.arraycopy(chains, 0, batch, half + carries.length, quiet);
        }
        return batch;
    }

    private String[][] uniform(SplittableRandom random, int count) {
        String[][] pairs = new String[count][];
        for (int n = 0; n < count; n++) {
            pairs[n] = digits.uniform(random, 1, 1 + random.nextInt(VALIDATION_DIGITS))[0];
        }
        return pairs;
    }

    /** Carry-heavy pairs, every other one a quiet chain instead. */
    private String[][] carryHeavy(SplittableRandom random, int count) {
        String[][] pairs = new String[count][];
        for (int n = 0; n < count; n++) {
            int length = 1 + random.nextInt(VALIDATION_DIGITS);
            pairs[n] = (n % 2 == 0 ? digits.carryHeavy(random, 1, length) : digits.quietChains(random, 1, length))[0];
        }
        return pairs;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
