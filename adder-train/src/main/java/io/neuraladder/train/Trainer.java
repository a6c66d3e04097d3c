package io.neuraladder.train;

import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link AdderNetwork} until it adds exactly, or until its iteration budget runs out.
 *
 * <p>Each minibatch is freshly generated: half uniform random pairs, half carry-heavy pairs,
 * truncated to {@link TrainingConfig#trainSteps()} bits. Every {@link TrainingConfig#evaluateEvery()}
 * minibatches the network adds, at 32 bits, fresh uniform pairs, every edge pair and fresh
 * carry-heavy pairs. When all are exact, a ten times larger fresh set must be exact too; then
 * training stops. Uniform pairs alone are not enough: they hide carry bugs.
 */
public final class Trainer {

    /** Fresh carry-heavy pairs per evaluation. */
    public static final int CARRY_HEAVY_PAIRS = 20_000;

    /** How many times larger the confirmation sets are than an evaluation's. */
    public static final int CONFIRMATION_FACTOR = 10;

    private static final Logger log = LoggerFactory.getLogger(Trainer.class);

    /** Receives progress as training runs. */
    public interface Listener {

        /** Called after every evaluation. */
        void onEvaluation(EvaluationRow row);

        /** Called after the confirmation that follows a perfect evaluation. */
        default void onConfirmation(TrainingResult.Confirmation confirmation) {}
    }

    private final TrainingConfig config;
    private final Listener listener;

    /** A trainer for {@code config} that reports to {@code listener}. */
    public Trainer(TrainingConfig config, Listener listener) {
        this.config = config;
        this.listener = listener;
    }

    /** Trains from scratch; the result says whether the network became exact. */
    public TrainingResult train() {
        MultiLayerNetwork network = AdderNetwork.create(config);
        SplittableRandom data = new SplittableRandom(config.seed());
        SplittableRandom validation = data.split();
        IntPairs edge = OperandSamples.edgePairs();
        List<EvaluationRow> rows = new ArrayList<>();
        long start = System.nanoTime();
        int iteration = 0;
        while (iteration < config.maxIterations()) {
            DataSet batch = SequenceData.dataSet(trainingBatch(data), config.trainSteps());
            network.fit(batch);
            iteration++;
            if (iteration % config.evaluateEvery() != 0 && iteration != config.maxIterations()) {
                continue;
            }
            EvaluationRow row = evaluate(network, batch, validation, edge, rows.size() + 1, iteration, start);
            rows.add(row);
            listener.onEvaluation(row);
            if (row.perfect()) {
                TrainingResult.Confirmation confirmation = confirm(network, validation, edge);
                listener.onConfirmation(confirmation);
                if (confirmation.perfect()) {
                    return new TrainingResult(config, network, rows, confirmation, iteration, millisSince(start));
                }
                log.info("iteration {}: exact on the evaluation sets but not on the confirmation sets; training on",
                        iteration);
            }
        }
        return new TrainingResult(config, network, rows, null, iteration, millisSince(start));
    }

    private IntPairs trainingBatch(SplittableRandom random) {
        int uniform = config.batchSize() / 2;
        return OperandSamples.uniform(random, uniform)
                .concat(OperandSamples.carryHeavy(random, config.batchSize() - uniform));
    }

    private EvaluationRow evaluate(MultiLayerNetwork network, DataSet batch, SplittableRandom random, IntPairs edge,
            int epoch, int iteration, long start) {
        double loss = network.score();
        double miniBatchExact = miniBatchExact(network, batch);
        ValidationScore uniform = Validation.score(network, OperandSamples.uniform(random, config.validationPairs()));
        ValidationScore edges = Validation.score(network, edge);
        ValidationScore carries = Validation.score(network, OperandSamples.carryHeavy(random, CARRY_HEAVY_PAIRS));
        return new EvaluationRow(epoch, iteration, millisSince(start), miniBatchExact, uniform, edges, carries, loss,
                config.learningRate());
    }

    private TrainingResult.Confirmation confirm(MultiLayerNetwork network, SplittableRandom random, IntPairs edge) {
        return new TrainingResult.Confirmation(
                Validation.score(network, OperandSamples.uniform(random, CONFIRMATION_FACTOR * config.validationPairs())),
                Validation.score(network, edge),
                Validation.score(network, OperandSamples.carryHeavy(random, CONFIRMATION_FACTOR * CARRY_HEAVY_PAIRS)));
    }

    private static double miniBatchExact(MultiLayerNetwork network, DataSet batch) {
        float[] probabilities = SequenceData.probabilities(network.output(batch.getFeatures()));
        float[] labels = SequenceData.probabilities(batch.getLabels());
        int steps = (int) batch.getLabels().size(2);
        int pairs = (int) batch.getLabels().size(0);
        int exact = 0;
        for (int i = 0; i < pairs; i++) {
            boolean right = true;
            for (int t = 0; t < steps && right; t++) {
                right = (probabilities[i * steps + t] > ModelContract.THRESHOLD) == (labels[i * steps + t] > ModelContract.THRESHOLD);
            }
            exact += right ? 1 : 0;
        }
        return (double) exact / pairs;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
