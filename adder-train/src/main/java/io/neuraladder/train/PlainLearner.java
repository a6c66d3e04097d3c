package io.neuraladder.train;

import io.neuraladder.sampling.IntPairs;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** {@link TrainingConfig.Method#PLAIN}: DL4J's LSTM layer in a {@code MultiLayerNetwork}. */
final class PlainLearner implements Learner {

    private final TrainingConfig config;
    private final MultiLayerNetwork network;

    PlainLearner(TrainingConfig config) {
        this.config = config;
        this.network = AdderNetwork.create(config);
    }

    @Override
    public void fit(IntPairs batch) {
        network.fit(SequenceData.dataSet(batch, config.trainSteps()));
    }

    @Override
    public CellWeights weights() {
        return CellWeights.fromDl4j(AdderNetwork.parameters(network));
    }

    MultiLayerNetwork network() {
        return network;
    }
}
