package io.neuraladder.api;

/**
 * A model file's SHA-256 differs from the one it was pinned to. The bytes were refused before
 * ONNX Runtime saw them.
 */
public class ModelIntegrityException extends ModelLoadException {

    /** Creates the exception with a message naming the file and both hashes. */
    public ModelIntegrityException(String message) {
        super(message);
    }
}
