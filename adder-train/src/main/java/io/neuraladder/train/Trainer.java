package io.neuraladder.train;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import io.neuraladder.train.export.OnnxExport;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model of any operator and radix until it reaches its method's goal, or until its
 * iteration budget runs out.
 *
 * <p>Each minibatch is fresh ({@link OperandSets#batch}). Every {@link TrainingConfig#evaluateEvery()}
 * minibatches the current weights (as an exported file would hold them) are scored on fresh
 * uniform pairs, every edge pair and fresh carry-heavy pairs. When every pair is exact, the
 * certificate search runs on them (a refuted model has no proof, and each failed search costs
 * seconds), and the runtime's kernel checks the bytes that would be written: the model is
 * certified only when the kernel accepts them. When the goal is met (exact, and for
 * {@link TrainingConfig.Method#CERTIFIABLE} also certified) a ten times larger fresh set must be
 * exact too; then training stops.
 */
public final class Trainer {

    /** How many times larger the confirmation sets are than an evaluation's. */
    public static final int CONFIRMATION_FACTOR = 10;

    /** Fresh uniform pairs on which each evaluation measures the validation loss. */
    public static final int VALIDATION_LOSS_PAIRS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

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
    private final OperandSets sets;

    /** A trainer for {@code config} that reports to {@code listener}. */
    public Trainer(TrainingConfig config, Listener listener) {
        this.config = config;
        this.listener = listener;
        this.sets = OperandSets.of(config);
    }

    /** Trains from scratch; the result says whether the goal was met. */
    public TrainingResult train() {
        Learner learner = Learner.create(config);
        SplittableRandom data = new SplittableRandom(config.seed());
        SplittableRandom validation = data.split();
        TrainingPairs edge = sets.edge();
        List<EvaluationRow> rows = new ArrayList<>();
        long start = System.nanoTime();
        int iteration = 0;
        while (iteration < config.maxIterations()) {
            TrainingPairs batch = sets.batch(data);
            learner.fit(batch);
            iteration++;
            listener.onIteration(iteration);
            if (iteration % config.evaluateEvery() != 0 && iteration != config.maxIterations()) {
                continue;
            }
            CellWeights weights = learner.weights();
            EvaluationRow exactness = evaluate(weights, batch, validation, edge, rows.size() + 1, iteration, start);
            Certificate certificate = exactness.perfect() && config.method() == TrainingConfig.Method.CERTIFIABLE
                    ? new CarryCertifier(weights, config.operator()).certify() : null;
            boolean certified = certificate != null && acceptedByTheKernel(weights, certificate);
            EvaluationRow row = exactness.withCertified(certified);
            rows.add(row);
            listener.onEvaluation(row, weights);
            if (row.perfect() && (config.method() == TrainingConfig.Method.PLAIN || certified)) {
                TrainingResult.Confirmation confirmation = confirm(weights, validation, edge);
                listener.onConfirmation(confirmation);
                if (confirmation.perfect()) {
                    return new TrainingResult(config, weights, rows, confirmation,
                            certificate != null ? certificate : new CarryCertifier(weights, config.operator()).certify(),
                            certified, iteration, millisSince(start));
                }
                log.info("iteration {}: exact on the evaluation sets but not on the confirmation sets; training on",
                        iteration);
            }
        }
        CellWeights weights = learner.weights();
        Certificate certificate = new CarryCertifier(weights, config.operator()).certify();
        return new TrainingResult(config, weights, rows, null, certificate,
                certificate.proved() && acceptedByTheKernel(weights, certificate), iteration, millisSince(start));
    }

    /** Whether the runtime's kernel accepts the certificate in the bytes that {@link OnnxExport} would write. */
    private boolean acceptedByTheKernel(CellWeights weights, Certificate certificate) {
        if (!certificate.proved()) {
            return false;
        }
        try {
            NeuralAdder.checkCertificate(OnnxExport.toBytes(config, weights, certificate), "the trained model",
                    config.operator());
            return true;
        } catch (ModelLoadException refused) {
            log.warn("the certificate search proved the model but the runtime's kernel refuses it: {}",
                    refused.getMessage());
            return false;
        }
    }

    private EvaluationRow evaluate(CellWeights weights, TrainingPairs batch, SplittableRandom random,
            TrainingPairs edge, int epoch, int iteration, long start) {
        ValidationScore miniBatch = Validation.score(weights, config.operator(), batch);
        double loss = Validation.loss(weights, config.operator(), batch);
        TrainingPairs uniformPairs = sets.uniform(random, config.validationPairs());
        double validationLoss = Validation.loss(weights, config.operator(),
                uniformPairs.slice(0, Math.min(VALIDATION_LOSS_PAIRS, uniformPairs.size())));
        ValidationScore uniform = Validation.score(weights, config.operator(), uniformPairs);
        ValidationScore edges = Validation.score(weights, config.operator(), edge);
        ValidationScore carries = Validation.score(weights, config.operator(),
                sets.carryHeavy(random, sets.carryHeavyPairs(config.validationPairs())));
        return new EvaluationRow(epoch, iteration, millisSince(start), miniBatch.exactRate(), uniform, edges, carries,
                loss, validationLoss, config.learningRate(), false);
    }

    private TrainingResult.Confirmation confirm(CellWeights weights, SplittableRandom random, TrainingPairs edge) {
        int uniform = CONFIRMATION_FACTOR * config.validationPairs();
        return new TrainingResult.Confirmation(
                Validation.score(weights, config.operator(), sets.uniform(random, uniform)),
                Validation.score(weights, config.operator(), edge),
                Validation.score(weights, config.operator(),
                        sets.carryHeavy(random, CONFIRMATION_FACTOR * sets.carryHeavyPairs(config.validationPairs()))));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
