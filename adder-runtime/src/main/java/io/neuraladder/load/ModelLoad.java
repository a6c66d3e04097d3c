package io.neuraladder.load;

import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.common.Names;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import io.neuraladder.proof.CertificateChecker;
import io.neuraladder.proof.CertificateRejection;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path by which a model file becomes something an engine may run: its structure checked
 * in Java and its weights read once ({@link StructureCheck}), the operator the caller asked for
 * compared with the file's word, and the certificate checked against those weights as a model of
 * that operator (never of the operator the file claims). Only then does an engine open ONNX
 * Runtime sessions on the same bytes, and run the {@link SelfTest} before it serves.
 *
 * @param source the model's bytes and name
 * @param checked its structure, weights and metadata
 * @param info what it is, with the certificate's findings
 * @param options how it is to run
 */
public record ModelLoad(ModelSource source, StructureCheck.CheckedModel checked, ModelInfo info, LoadOptions options) {

    private static final Logger log = LoggerFactory.getLogger(ModelLoad.class);

    /**
     * Loads {@code source} as a model of {@code operator} whose radix the front end accepts
     * ({@code radixCheck} throws a {@link ModelContractException} for one it cannot serve).
     *
     * @throws ModelContractException if the structure breaks the contract, the file names another
     *     operator, or the front end refuses its radix
     * @throws ModelCertificateException if the certificate fails and that is not allowed
     */
    public static ModelLoad open(ModelSource source, Operator operator, LoadOptions options, IntConsumer radixCheck) {
        StructureCheck.CheckedModel checked = checkedAs(source, operator);
        radixCheck.accept(checked.radix());
        Optional<CertificateCheck> certificate = certificate(source, checked, operator, options.allowUncertified());
        return new ModelLoad(source, checked, new ModelInfo(source.name(), checked.metadata(), certificate), options);
    }

    /** Checks the structure and the certificate of {@code source} as a model of {@code operator}, without a session. */
    public static CertificateCheck checkCertificate(ModelSource source, Operator operator) {
        return certificate(source, checkedAs(source, operator), operator, false).orElseThrow();
    }

    /** The operator the model was checked as. */
    public Operator operator() {
        return checked.operator();
    }

    /** The model's radix: 2 for the bit-serial contract. */
    public int radix() {
        return checked.radix();
    }

    private static StructureCheck.CheckedModel checkedAs(ModelSource source, Operator operator) {
        StructureCheck.CheckedModel checked = StructureCheck.verify(source);
        if (checked.operator() != operator) {
            throw new ModelContractException("model " + source.name() + " computes " + checked.operator().metadataName()
                    + " (metadata " + MetadataKey.OPERATOR.key() + " = " + checked.operator().metadataName() + "), but "
                    + operator.withArticle() + " was expected; give it where " + checked.operator().withArticle()
                    + " is asked for");
        }
        return checked;
    }

    private static Optional<CertificateCheck> certificate(ModelSource source, StructureCheck.CheckedModel model,
            Operator operator, boolean allowUncertified) {
        String proof = model.metadata().get(MetadataKey.CERTIFICATE_PROOF.key());
        try {
            CertificateCheck check = CertificateChecker.check(model.parameters(), proof, operator);
            log.debug("model {}: certificate {}", source.name(), check);
            return Optional.of(check);
        } catch (CertificateRejection rejection) {
            Optional<Operator> actual = provedOperator(model, proof, operator);
            if (actual.isPresent() && !allowUncertified) {
                throw new ModelCertificateException("model " + source.name() + " is refused: its certificate proves "
                        + "it computes " + actual.get().metadataName() + ", not " + operator.metadataName() + " as its "
                        + "metadata says (checked as expected: " + rejection.getMessage() + "). Give it where "
                        + actual.get().withArticle() + " is asked for", rejection.condition(), rejection);
            }
            if (!allowUncertified) {
                throw new ModelCertificateException("model " + source.name() + " is not certified: "
                        + rejection.getMessage() + ". Embed a certificate that checks with 'adder-train certify --embed "
                        + "MODEL', or, to serve it on its self-test alone, opt out with NeuralAdder.builder()"
                        + ".allowUncertified() (-D" + Names.ALLOW_UNCERTIFIED_PROPERTY + "=true or "
                        + Names.ALLOW_UNCERTIFIED_ENV + "=true for the static methods)", rejection.condition(), rejection);
            }
            log.warn("model {} is served UNCERTIFIED (allowed explicitly), on its self-test alone: {}", source.name(),
                    rejection.getMessage());
            return Optional.empty();
        }
    }

    /** Another operator whose check the certificate passes, for a message that says what the model computes. */
    private static Optional<Operator> provedOperator(StructureCheck.CheckedModel model, String proof, Operator refused) {
        for (Operator other : Operator.values()) {
            if (other != refused && proof != null) {
                try {
                    CertificateChecker.check(model.parameters(), proof, other);
                    return Optional.of(other);
                } catch (CertificateRejection stillRefused) {
                    // not this one either
                }
            }
        }
        return Optional.empty();
    }
}
