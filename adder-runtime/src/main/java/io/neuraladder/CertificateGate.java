package io.neuraladder;

import io.neuraladder.api.CertificateCheck;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.proof.CertificateChecker;
import io.neuraladder.proof.CertificateRejection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where loading meets the proof: every model's certificate is checked against the weights that
 * the structure check read from the same bytes ONNX Runtime gets, and a model whose certificate is
 * missing or does not check is refused unless that was explicitly allowed.
 */
final class CertificateGate {

    private static final Logger log = LoggerFactory.getLogger(CertificateGate.class);

    private CertificateGate() {}

    /**
     * The check's findings, or empty for a model allowed to serve uncertified.
     *
     * @throws ModelCertificateException if the certificate is missing or does not check, and
     *     uncertified models are not allowed
     */
    static Optional<CertificateCheck> verify(ModelSource source, StructureCheck.CheckedModel model,
            boolean allowUncertified) {
        try {
            CertificateCheck check = CertificateChecker.check(model.parameters(),
                    model.metadata().get(MetadataKey.CERTIFICATE_PROOF.key()));
            log.debug("model {}: certificate {}", source.name(), check);
            return Optional.of(check);
        } catch (CertificateRejection rejection) {
            if (!allowUncertified) {
                throw new ModelCertificateException(source.name(), rejection);
            }
            log.warn("model {} is served UNCERTIFIED (allowed explicitly), on its self-test alone: {}", source.name(),
                    rejection.getMessage());
            return Optional.empty();
        }
    }
}
