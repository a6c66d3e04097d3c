package io.neuraladder.train;

import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an adder until it reaches its method's goal, or until its iteration budget runs out.
 *
 * <p>Each minibatch is freshly generated: half uniform random pairs, half carry-heavy pairs,
 * truncated to {@link TrainingConfig#trainSteps()} bits. Every {@link TrainingConfig#evaluateEvery()}
 * minibatches the current weights (as an exported file would hold them) add, at 32 bits, fresh
 * uniform pairs, every edge pair and fresh carry-heavy pairs, and the carry certificate is tried.
 * When the goal is met (exact, and for {@link TrainingConfig.Method#CERTIFIABLE} also certified),
 * a ten times larger fresh set must be exact too; then training stops. Uniform pairs alone are not
 * enough: they hide carry bugs.
 */
public final class Trainer {

    /** How many uniform pairs an evaluation adds per carry-heavy pair. */
    public static final int UNIFORM_PER_CARRY_HEAVY = 5;

    /** How many times larger the confirmation sets are than an evaluation's. */
    public static final int CONFIRMATION_FACTOR = 10;

    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

    /** Fresh uniform pairs on which each evaluation measures the validation loss. */
    public static final int VALIDATION_LOSS_PAIRS = 2_000;

    /** Receives progress as training runs. */
    public interface Listener {

        /** Called after every evaluation with the weights it evaluated. */
        void onEvaluation(EvaluationRow row, CellWeights weights);

        /** Called after every minibatch. */
        default void onIteration(int iteration) {}

        /** Called after the confirmation that follows an evaluation meeting the goal. */
        default void onConfirmation(TrainingResult.Confirmation confirmation) {}
    }

    private final TrainingConfig config;
    private final Listener listener;

    /** A trainer for {@code config} that reports to {@code listener}. */
    public Trainer(TrainingConfig config, Listener listener) {
        this.config = config;
        this.listener = listener;
    }

    /** Trains from scratch; the result says whether the goal was met. */
    public TrainingResult train() {
        Learner learner = Learner.create(config);
        SplittableRandom data = new SplittableRandom(config.seed());
        SplittableRandom validation = data.split();
        IntPairs edge = OperandSamples.edgePairs();
        List<EvaluationRow> rows = new ArrayList<>();
        long start = System.nanoTime();
        int iteration = 0;
        while (iteration < config.maxIterations()) {
            IntPairs batch = trainingBatch(data);
            learner.fit(batch);
            iteration++;
            listener.onIteration(iteration);
            if (iteration % config.evaluateEvery() != 0 && iteration != config.maxIterations()) {
                continue;
            }
            CellWeights weights = learner.weights();
            Certificate certificate = new CarryCertifier(weights).certify();
            EvaluationRow row = evaluate(weights, batch, validation, edge, certificate.proved(), rows.size() + 1,
                    iteration, start);
            rows.add(row);
            listener.onEvaluation(row, weights);
            boolean goal = row.perfect() && (config.method() == TrainingConfig.Method.PLAIN || certificate.proved());
            if (goal) {
                TrainingResult.Confirmation confirmation = confirm(weights, validation, edge);
                listener.onConfirmation(confirmation);
                if (confirmation.perfect()) {
                    return new TrainingResult(config, weights, rows, confirmation, certificate, iteration,
                            millisSince(start));
                }
                log.info("iteration {}: exact on the evaluation sets but not on the confirmation sets; training on",
                        iteration);
            }
        }
        CellWeights weights = learner.weights();
        return new TrainingResult(config, weights, rows, null, new CarryCertifier(weights).certify(), iteration,
                millisSince(start));
    }

    private IntPairs trainingBatch(SplittableRandom random) {
        int uniform = config.batchSize() / 2;
        return OperandSamples.uniform(random, uniform)
                .concat(OperandSamples.carryHeavy(random, config.batchSize() - uniform));
    }

    private EvaluationRow evaluate(CellWeights weights, IntPairs batch, SplittableRandom random, IntPairs edge,
            boolean certified, int epoch, int iteration, long start) {
        ValidationScore miniBatch = Validation.score(weights, batch, config.trainSteps());
        double loss = Validation.loss(weights, batch, config.trainSteps());
        IntPairs uniformPairs = OperandSamples.uniform(random, config.validationPairs());
        double validationLoss = Validation.loss(weights,
                uniformPairs.slice(0, Math.min(VALIDATION_LOSS_PAIRS, uniformPairs.size())), ModelContract.INT_STEPS);
        ValidationScore uniform = Validation.score(weights, uniformPairs);
        ValidationScore edges = Validation.score(weights, edge);
        ValidationScore carries = Validation.score(weights, OperandSamples.carryHeavy(random,
                carryHeavyPairs(config)));
        return new EvaluationRow(epoch, iteration, millisSince(start), miniBatch.exactRate(), uniform, edges, carries,
                loss, validationLoss, config.learningRate(), certified);
    }

    private TrainingResult.Confirmation confirm(CellWeights weights, SplittableRandom random, IntPairs edge) {
        return new TrainingResult.Confirmation(
                Validation.score(weights, OperandSamples.uniform(random, CONFIRMATION_FACTOR * config.validationPairs())),
                Validation.score(weights, edge),
                Validation.score(weights, OperandSamples.carryHeavy(random, CONFIRMATION_FACTOR * carryHeavyPairs(config))));
    }

    /** Fresh carry-heavy pairs per evaluation: a fifth of the uniform ones, at least one. */
    public static int carryHeavyPairs(TrainingConfig config) {
        return Math.max(1, config.validationPairs() / UNIFORM_PER_CARRY_HEAVY);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
