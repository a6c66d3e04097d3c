package io.neuraladder;

import io.neuraladder.proof.CertificateRejection;

/**
 * A model was refused because its carry certificate is missing or does not check: nothing proves
 * that it adds exactly. The message names the file and the first condition that failed (which
 * region, digit pair, state component or output, and by how much); {@link #condition()} tells
 * which kind of condition it was.
 */
public class ModelCertificateException extends ModelLoadException {

    private final CertificateRejection.Condition condition;

    ModelCertificateException(String model, CertificateRejection rejection) {
        super("model " + model + " is not certified: " + rejection.getMessage() + ". Embed a certificate that checks "
                + "with 'adder-train certify --embed MODEL', or, to serve it on its self-test alone, opt out with "
                + "NeuralAdder.builder().allowUncertified() (-D" + NeuralAdder.ALLOW_UNCERTIFIED_PROPERTY
                + "=true or " + NeuralAdder.ALLOW_UNCERTIFIED_ENV + "=true for the static methods)", rejection);
        this.condition = rejection.condition();
    }

    ModelCertificateException(String model, CertificateRejection rejection, String operatorFinding) {
        super("model " + model + " is refused: " + operatorFinding + " (checked as expected: "
                + rejection.getMessage() + "). Give it where that operator is asked for", rejection);
        this.condition = rejection.condition();
    }

    /** Which part of the proof failed. */
    public CertificateRejection.Condition condition() {
        return condition;
    }
}
