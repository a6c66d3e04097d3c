package io.neuraladder.train.certify;

import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import onnx.Onnx.ModelProto;

/**
 * The training side's own reading of an embedded certificate: decodes it and checks the three
 * conditions with this module's interval arithmetic ({@link Intervals}). It is a second,
 * independent verifier beside the runtime's checker (like Metamath's several verifiers), used to
 * test that the two agree; it is not what makes a served model "certified", and lives with the tests.
 */
public final class CertificateVerifier {

    /** The verdict: whether the certificate proves the model, else the condition that failed and why. */
    public record Verdict(boolean holds, String condition, String message) {

        static Verdict proved() {
            return new Verdict(true, null, "the certificate holds");
        }

        static Verdict fails(String condition, String message) {
            return new Verdict(false, condition, message);
        }
    }

    private CertificateVerifier() {}

    /** The certificate a model file carries, if any. */
    public static Optional<String> embeddedProof(ModelProto model) {
        return EmbeddedCertificate.embeddedProof(model);
    }

    /**
     * Checks {@code encoded} (Base64, {@link CertificateFormat}) against {@code weights} as a model of
     * {@code operator}; {@code null} is a missing certificate.
     */
    public static Verdict verify(CellWeights weights, String encoded, Operator operator) {
        if (encoded == null) {
            return Verdict.fails("MISSING", "no certificate");
        }
        EmbeddedCertificate.Decoded decoded;
        try {
            decoded = EmbeddedCertificate.decode(encoded, operator);
        } catch (EmbeddedCertificate.Refusal refusal) {
            return Verdict.fails(refusal.condition, refusal.getMessage());
        }
        if (decoded.radix() != weights.radix() || decoded.stateSize() != RecurrentCell.of(weights).stateSize()) {
            return Verdict.fails("MISMATCH", "radix " + decoded.radix() + ", state size " + decoded.stateSize());
        }
        return check(weights, operator, decoded.history(), decoded.boxes(), decoded.claims());
    }

    private static Verdict check(CellWeights weights, Operator operator, int history, Map<StepLabel, StateBox> boxes,
            List<Integer> claims) {
        int radix = weights.radix();
        IntervalCell cell = IntervalCell.of(weights);
        int index = 0;
        for (StepLabel label : boxes.keySet()) {
            if (claims.get(index++) != label.sumDigit()) {
                return Verdict.fails("SUM_DIGIT", "region [" + label + "] claims the wrong sum digit");
            }
        }
        StateBox[] first = cell.stepAll(StateBox.zero(RecurrentCell.of(weights).stateSize()), radix);
        for (int pair = 0; pair < first.length; pair++) {
            StateBox target = boxes.get(StepLabel.first(operator, radix, pair));
            if (target == null) {
                return Verdict.fails("MISSING_REGION", "no region for the first step on pair " + pair);
            }
            double slack = target.slack(first[pair].inflated(CertificateFormat.STATE_MARGIN));
            if (slack < 0) {
                return Verdict.fails("START", String.format(Locale.ROOT, "first pair %d leaves its box by %.3g", pair, -slack));
            }
        }
        for (Map.Entry<StepLabel, StateBox> region : boxes.entrySet()) {
            StateBox[] images = cell.stepAll(region.getValue(), radix);
            for (int pair = 0; pair < images.length; pair++) {
                StepLabel next = region.getKey().next(pair, history);
                StateBox target = boxes.get(next);
                if (target == null) {
                    return Verdict.fails("MISSING_REGION", "no region [" + next + "]");
                }
                double slack = target.slack(images[pair].inflated(CertificateFormat.STATE_MARGIN));
                if (slack < 0) {
                    return Verdict.fails("CLOSURE", String.format(Locale.ROOT, "[%s] on pair %d leaves [%s] by %.3g",
                            region.getKey(), pair, next, -slack));
                }
            }
        }
        for (Map.Entry<StepLabel, StateBox> region : boxes.entrySet()) {
            double margin = Intervals.lead(weights, region.getValue(), region.getKey().sumDigit())[0]
                    - CertificateFormat.LOGIT_MARGIN;
            if (!(margin > 0)) {
                return Verdict.fails("OUTPUT", String.format(Locale.ROOT, "region [%s] is %.4f logits short",
                        region.getKey(), -margin));
            }
        }
        return Verdict.proved();
    }
}
