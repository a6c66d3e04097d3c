package io.neuraladder.api;

/**
 * A model was refused because its carry certificate is missing or does not check: nothing proves
 * that it computes exactly. The message names the file and the first condition that failed (which
 * region, digit pair, state component or output, and by how much); {@link #condition()} tells
 * which kind of condition it was.
 */
public class ModelCertificateException extends ModelLoadException {

    private final CertificateCondition condition;

    /** Creates the exception with a message that names the model, the failed condition and the way out. */
    public ModelCertificateException(String message, CertificateCondition condition, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    /** Which part of the proof failed. */
    public CertificateCondition condition() {
        return condition;
    }
}
