package io.neuraladder.train;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A network being trained: it learns from minibatches and exposes its current weights. The
 * certifiable method's learner is the product's; other methods come from {@link Provider}s found
 * with {@link ServiceLoader} (the lab's plain DL4J baseline, on the lab's classpath only).
 */
public interface Learner {

    /** One optimizer step on these pairs, over the configured training steps. */
    void fit(TrainingPairs batch);

    /** The current weights in ONNX's layout, as float32 values: what an exported file holds. */
    CellWeights weights();

    /**
     * Creates the learner for {@code config.method()}.
     *
     * @throws IllegalStateException for a method whose provider is not on the classpath
     */
    static Learner create(TrainingConfig config) {
        if (config.method() == TrainingConfig.Method.CERTIFIABLE) {
            return new CertifiableLearner(config);
        }
        return provider(config.method()).orElseThrow(() -> new IllegalStateException("the " + config.method().cliName()
                + " method is the lab's (adder-train/src/lab) and is not on this classpath; run it on the lab's: "
                + PinnedNumerics.labCommand("train --method " + config.method().cliName() + " ..."))).create(config);
    }

    /** Whether this classpath can train with {@code method}. */
    static boolean available(TrainingConfig.Method method) {
        return method == TrainingConfig.Method.CERTIFIABLE || provider(method).isPresent();
    }

    private static Optional<Provider> provider(TrainingConfig.Method method) {
        return ServiceLoader.load(Provider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.method() == method).findFirst();
    }

    /** A training method apart from the product's, found with {@link ServiceLoader}. */
    interface Provider {

        /** The method this provider trains with. */
        TrainingConfig.Method method();

        /** A learner for {@code config}, whose method is {@link #method()}. */
        Learner create(TrainingConfig config);
    }
}
