package io.neuraladder.train.certify;

import io.neuraladder.contract.CertificateFormat;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a proved set of boxes in {@link CertificateFormat}, the form the runtime checks at load.
 * The boxes must already be float-representable ({@link StateBox#roundedToFloat()}), since the
 * format stores float32 bounds and the proof was found for exactly those.
 */
final class CertificateEncoder {

    private CertificateEncoder() {}

    /** The certificate as the Base64 text stored under {@code neuraladder.certificate.proof}. */
    static String encode(int radix, int stateSize, int history, Map<StepLabel, StateBox> boxes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes,
                new Deflater(Deflater.BEST_COMPRESSION)))) {
            out.writeInt(CertificateFormat.MAGIC);
            out.writeInt(CertificateFormat.VERSION);
            out.writeInt(CertificateFormat.METHOD_BOXES);
            out.writeInt(radix);
            out.writeInt(stateSize);
            out.writeInt(history);
            out.writeDouble(CertificateFormat.STATE_MARGIN);
            out.writeDouble(CertificateFormat.LOGIT_MARGIN);
            out.writeInt(boxes.size());
            for (Map.Entry<StepLabel, StateBox> region : boxes.entrySet()) {
                StepLabel label = region.getKey();
                List<Integer> pairs = label.pairs();
                out.writeByte(label.carryIn());
                out.writeByte(pairs.size());
                for (int pair : pairs) {
                    out.writeShort(pair);
                }
                out.writeShort(label.sumDigit());
                StateBox box = region.getValue();
                for (int j = 0; j < stateSize; j++) {
                    out.writeFloat(exactFloat(box.low(j)));
                }
                for (int j = 0; j < stateSize; j++) {
                    out.writeFloat(exactFloat(box.high(j)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static float exactFloat(double bound) {
        float value = (float) bound;
        if (value != bound) {
            throw new IllegalStateException("box bound " + bound + " is not a float: round the boxes before proving");
        }
        return value;
    }
}
