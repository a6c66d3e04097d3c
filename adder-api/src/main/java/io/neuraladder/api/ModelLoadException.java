package io.neuraladder.api;

/**
 * A model could not be loaded: the file is missing, unreadable, not an ONNX model, or breaks the
 * model contract ({@link ModelContractException}). The message names the model and what went wrong.
 */
public class ModelLoadException extends RuntimeException {

    /** Creates the exception with a message that names the model and the problem. */
    public ModelLoadException(String message) {
        super(message);
    }

    /** Creates the exception with a message that names the model and the problem, and its cause. */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
