package io.neuraladder.train;

/** A network being trained: it learns from minibatches and exposes its current weights. */
interface Learner {

    /** One optimizer step on these pairs, over the configured training steps. */
    void fit(TrainingPairs batch);

    /** The current weights in ONNX's layout, as float32 values: what an exported file holds. */
    CellWeights weights();

    /** The plain method's learner: DL4J's LSTM layer, the experiments' baseline, compiled with the lab (src/lab/java). */
    String PLAIN_LEARNER = "io.neuraladder.train.PlainLearner";

    /**
     * Creates the learner for {@code config.method()}.
     *
     * @throws IllegalStateException for the plain method when the lab is not on the classpath
     */
    static Learner create(TrainingConfig config) {
        if (config.method() == TrainingConfig.Method.CERTIFIABLE) {
            return new CertifiableLearner(config);
        }
        try {
            return (Learner) Class.forName(PLAIN_LEARNER).getDeclaredConstructor(TrainingConfig.class)
                    .newInstance(config);
        } catch (ClassNotFoundException absent) {
            throw new IllegalStateException("the plain method (DL4J's LSTM layer) is the lab's baseline and is not on "
                    + "this classpath; run adder-train/bin/adder-train from the repository, which adds the lab");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the plain method's learner cannot be created", e);
        }
    }
}
