package io.neuraladder.train.certify;

import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.InflaterInputStream;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;

/**
 * A model file's embedded certificate, read: the proof's text, and its regions' boxes decoded for
 * the explorer. Checking it is the runtime kernel's job ({@code NeuralAdder.checkCertificate}).
 */
public final class EmbeddedCertificate {

    private EmbeddedCertificate() {}

    /** The certificate a model file carries ({@link MetadataKey#CERTIFICATE_PROOF}), if any. */
    public static Optional<String> embeddedProof(ModelProto model) {
        return model.getMetadataPropsList().stream()
                .filter(entry -> entry.getKey().equals(MetadataKey.CERTIFICATE_PROOF.key()))
                .map(StringStringEntryProto::getValue).findFirst();
    }

    /**
     * Whether {@code encoded} is a box certificate ({@link CertificateFormat#METHOD_BOXES}), whose
     * regions the explorer can show; a cover by pieces, or bytes that do not decode, are not.
     */
    public static boolean isBoxes(String encoded) {
        // Streamed: only the first bytes of a cover of megabytes are decoded.
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(Base64.getDecoder().wrap(
                new ByteArrayInputStream(encoded.getBytes(StandardCharsets.US_ASCII)))))) {
            return in.readInt() == CertificateFormat.MAGIC && in.readInt() == CertificateFormat.VERSION
                    && in.readInt() == CertificateFormat.METHOD_BOXES;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A decoded certificate: its labels' boxes in file order, and the sum digit each region claims. */
    record Decoded(int radix, int stateSize, int history, Map<StepLabel, StateBox> boxes, List<Integer> claims) {}

    /** Why a certificate could not be decoded. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final String condition;

        Refusal(String condition, String message) {
            super(message);
            this.condition = condition;
        }
    }

    static Decoded decode(String encoded, Operator operator) throws Refusal {
        Map<StepLabel, StateBox> boxes = new LinkedHashMap<>();
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
                        || boxes.put(new StepLabel(operator, radix, carry, List.copyOf(pairs)), box) != null) {
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
}
