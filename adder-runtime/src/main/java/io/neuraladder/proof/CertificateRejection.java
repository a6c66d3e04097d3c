package io.neuraladder.proof;

import io.neuraladder.api.CertificateCondition;

/**
 * A carry certificate that does not prove its model exact: the first condition that failed, with
 * where and by how much in the message.
 */
public final class CertificateRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CertificateCondition condition;

    CertificateRejection(CertificateCondition condition, String message) {
        super(message);
        this.condition = condition;
    }

    /** Which part of the proof failed. */
    public CertificateCondition condition() {
        return condition;
    }
}
