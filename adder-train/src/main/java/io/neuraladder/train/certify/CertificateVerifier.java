package io.neuraladder.train.certify;

import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.train.CellWeights;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.InflaterInputStream;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;

/**
 * The training side's own reading of an embedded certificate: decodes it and checks the three
 * conditions with this module's interval arithmetic ({@link Intervals}). It is a second,
 * independent verifier beside the runtime's checker (like Metamath's several verifiers), used to
 * test that the two agree; it is not what makes a served model "certified".
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

    /** The certificate a model file carries ({@link MetadataKey#CERTIFICATE_PROOF}), if any. */
    public static Optional<String> embeddedProof(ModelProto model) {
        return model.getMetadataPropsList().stream()
                .filter(entry -> entry.getKey().equals(MetadataKey.CERTIFICATE_PROOF.key()))
                .map(StringStringEntryProto::getValue).findFirst();
    }

    /** Checks {@code encoded} (Base64, {@link CertificateFormat}) against {@code weights}; {@code null} is a missing certificate. */
    public static Verdict verify(CellWeights weights, String encoded) {
        if (encoded == null) {
            return Verdict.fails("MISSING", "no certificate");
        }
        Decoded decoded;
        try {
            decoded = decode(encoded);
        } catch (Refusal refusal) {
            return refusal.verdict;
        }
        if (decoded.radix() != weights.radix() || decoded.stateSize() != RecurrentCell.of(weights).stateSize()) {
            return Verdict.fails("MISMATCH", "radix " + decoded.radix() + ", state size " + decoded.stateSize());
        }
        return check(weights, decoded.history(), decoded.boxes(), decoded.claims());
    }

    /** A decoded certificate: its labels' boxes in file order, and the sum digit each region claims. */
    record Decoded(int radix, int stateSize, int history, Map<CarryLabel, StateBox> boxes, List<Integer> claims) {}

    /** Why a certificate could not be decoded. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Verdict verdict;

        Refusal(String condition, String message) {
            super(message);
            this.verdict = Verdict.fails(condition, message);
        }
    }

    static Decoded decode(String encoded) throws Refusal {
        Map<CarryLabel, StateBox> boxes = new LinkedHashMap<>();
        List<Integer> claims = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(encoded))))) {
            if (in.readInt() != CertificateFormat.MAGIC || in.readInt() != CertificateFormat.VERSION
                    || in.readInt() != CertificateFormat.METHOD_BOXES) {
                throw new Refusal("MALFORMED", "not a version " + CertificateFormat.VERSION + " box certificate");
            }
            int radix = in.readInt();
            int stateSize = in.readInt();
            int history = in.readInt();
            double stateMargin = in.readDouble();
            double logitMargin = in.readDouble();
            int count = in.readInt();
            if (radix < 2 || radix > 256 || stateSize < 1 || stateSize > 4096 || history < 1
                    || history > CertificateFormat.MAX_HISTORY || count < 1 || count > CertificateFormat.MAX_REGIONS) {
                throw new Refusal("MALFORMED", "radix " + radix + ", state size " + stateSize + ", history " + history
                        + ", " + count + " regions");
            }
            if (stateMargin != CertificateFormat.STATE_MARGIN || logitMargin != CertificateFormat.LOGIT_MARGIN) {
                throw new Refusal("MISMATCH", "margins " + stateMargin + ", " + logitMargin);
            }
            for (int i = 0; i < count; i++) {
                int carry = in.readByte();
                int length = in.readByte();
                if (carry < 0 || carry > 1 || length < 1 || length > history || (length < history && carry != 0)) {
                    throw new Refusal("MALFORMED", "region " + i + ": carry " + carry + ", window " + length);
                }
                List<Integer> pairs = new ArrayList<>();
                for (int k = 0; k < length; k++) {
                    pairs.add(in.readUnsignedShort());
                }
                claims.add(in.readUnsignedShort());
                StateBox box = StateBox.zero(stateSize);
                float[] low = new float[stateSize];
                for (int j = 0; j < stateSize; j++) {
                    low[j] = in.readFloat();
                }
                for (int j = 0; j < stateSize; j++) {
                    float high = in.readFloat();
                    if (!(low[j] <= high) || !Float.isFinite(low[j]) || !Float.isFinite(high)) {
                        throw new Refusal("MALFORMED", "region " + i + " component " + j + ": " + low[j] + ".." + high);
                    }
                    box.set(j, low[j], high);
                }
                if (pairs.stream().anyMatch(p -> p >= radix * radix)
                        || boxes.put(new CarryLabel(radix, carry, List.copyOf(pairs)), box) != null) {
                    throw new Refusal("MALFORMED", "region " + i + ": a bad or repeated label");
                }
            }
            if (in.read() != -1) {
                throw new Refusal("MALFORMED", "bytes after the last region");
            }
            return new Decoded(radix, stateSize, history, boxes, claims);
        } catch (IOException | IllegalArgumentException e) {
            throw new Refusal("MALFORMED", e.toString());
        }
    }

    private static Verdict check(CellWeights weights, int history, Map<CarryLabel, StateBox> boxes,
            List<Integer> claims) {
        int radix = weights.radix();
        IntervalCell cell = IntervalCell.of(weights);
        int index = 0;
        for (CarryLabel label : boxes.keySet()) {
            if (claims.get(index++) != label.sumDigit()) {
                return Verdict.fails("SUM_DIGIT", "region [" + label + "] claims the wrong sum digit");
            }
        }
        StateBox[] first = cell.stepAll(StateBox.zero(RecurrentCell.of(weights).stateSize()), radix);
        for (int pair = 0; pair < first.length; pair++) {
            StateBox target = boxes.get(CarryLabel.first(radix, pair));
            if (target == null) {
                return Verdict.fails("MISSING_REGION", "no region for the first step on pair " + pair);
            }
            double slack = target.slack(first[pair].inflated(CertificateFormat.STATE_MARGIN));
            if (slack < 0) {
                return Verdict.fails("START", String.format(Locale.ROOT, "first pair %d leaves its box by %.3g", pair, -slack));
            }
        }
        for (Map.Entry<CarryLabel, StateBox> region : boxes.entrySet()) {
            StateBox[] images = cell.stepAll(region.getValue(), radix);
            for (int pair = 0; pair < images.length; pair++) {
                CarryLabel next = region.getKey().next(pair, history);
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
        for (Map.Entry<CarryLabel, StateBox> region : boxes.entrySet()) {
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
