package io.neuraladder.train;

import io.neuraladder.sampling.IntPairs;

/** A network being trained: it learns from minibatches and exposes its current weights. */
interface Learner {

    /** One optimizer step on these pairs, truncated to the configured sequence length. */
    void fit(IntPairs batch);

    /** The current weights in ONNX's layout, as float32 values: what an exported file holds. */
    CellWeights weights();

    /** Creates the learner for {@code config.method()}. */
    static Learner create(TrainingConfig config) {
        return switch (config.method()) {
            case PLAIN -> new PlainLearner(config);
            case CERTIFIABLE -> new CertifiableLearner(config);
        };
    }
}
