package io.neuraladder.api;

/**
 * A model loaded and follows the contract, but adds wrongly: it failed the load-time self-test of
 * carry-chain cases, or computes non-finite probabilities. The message names the model and the
 * first wrong case.
 */
public class ModelSelfTestException extends ModelLoadException {

    /** Creates the exception with a message naming the model and what it got wrong. */
    public ModelSelfTestException(String message) {
        super(message);
    }
}
