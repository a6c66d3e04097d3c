package io.neuraladder.api;

/**
 * A model file is a valid ONNX model but not a neural-adder model: its inputs, outputs or metadata
 * differ from {@link io.neuraladder.contract.ModelContract}. The message names the file, what was
 * expected and what was found.
 */
public class ModelContractException extends ModelLoadException {

    /** Creates the exception with a message naming the file, the expectation and the finding. */
    public ModelContractException(String message) {
        super(message);
    }
}
