package io.neuraladder.api;

/**
 * An {@link ExecutionProvider} was asked for but cannot be used here. The message says what is
 * missing and how to get it.
 */
public class ProviderUnavailableException extends RuntimeException {

    /** Creates the exception with a message that names the fix, and its cause if any. */
    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
