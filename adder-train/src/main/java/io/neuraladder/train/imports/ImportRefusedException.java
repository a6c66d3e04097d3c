package io.neuraladder.train.imports;

/**
 * A file that {@code adder-train import} cannot read as a one-layer recurrent adder: the message
 * names the node or attribute found and what the importer accepts instead.
 */
public final class ImportRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ImportRefusedException(String message) {
        super(message);
    }

    ImportRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
