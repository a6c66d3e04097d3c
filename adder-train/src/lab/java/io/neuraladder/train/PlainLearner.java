package io.neuraladder.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** {@link TrainingConfig.Method#PLAIN}: DL4J's LSTM layer in a {@code MultiLayerNetwork}. */
final class PlainLearner implements Learner {

    /** Offers the plain method to {@link Learner#create} through {@link java.util.ServiceLoader}. */
    public static final class Provider implements Learner.Provider {

        @Override
        public TrainingConfig.Method method() {
            return TrainingConfig.Method.PLAIN;
        }

        @Override
        public Learner create(TrainingConfig config) {
            return new PlainLearner(config);
        }
    }

    private final TrainingConfig config;
    private final MultiLayerNetwork network;

    PlainLearner(TrainingConfig config) {
        this.config = config;
        this.network = AdderNetwork.create(config);
    }

    @Override
    public void fit(TrainingPairs batch) {
        network.fit(SequenceData.dataSet(((TrainingPairs.Bits) batch).pairs(), config.trainSteps()));
    }

    @Override
    public CellWeights weights() {
        return AdderNetwork.weights(network);
    }

    MultiLayerNetwork network() {
        return network;
    }
}
