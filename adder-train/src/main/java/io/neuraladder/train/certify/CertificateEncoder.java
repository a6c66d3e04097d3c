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
 * Writes a proved set of boxes, or a cover by pieces, in {@link CertificateFormat}, the form the
 * runtime checks at load.
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
            writeHeader(out, CertificateFormat.METHOD_BOXES, radix, stateSize, history);
            out.writeInt(boxes.size());
            for (Map.Entry<StepLabel, StateBox> region : boxes.entrySet()) {
                writeLabel(out, region.getKey());
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

    /** One piece of a cover, as written: its label, center, shape (row-major) and each string's target piece. */
    record EncodedPiece(StepLabel label, float[] center, float[][] shape, int[] targets) {}

    /**
     * A cover by pieces ({@link CertificateFormat#METHOD_PIECES}) for a binary adder, as the Base64
     * text stored under {@code neuraladder.certificate.proof}; {@code starts[t − 1]} are the
     * targets of the zero state's strings of t pairs.
     */
    static String encodePieces(int stateSize, int history, int steps, List<EncodedPiece> pieces, int[][] starts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes,
                new Deflater(Deflater.BEST_COMPRESSION)))) {
            writeHeader(out, CertificateFormat.METHOD_PIECES, 2, stateSize, history);
            out.writeInt(steps);
            out.writeInt(pieces.size());
            for (EncodedPiece piece : pieces) {
                writeLabel(out, piece.label());
                for (float value : piece.center()) {
                    out.writeFloat(value);
                }
                for (float[] row : piece.shape()) {
                    for (float value : row) {
                        out.writeFloat(value);
                    }
                }
                for (int target : piece.targets()) {
                    out.writeInt(target);
                }
            }
            for (int[] targets : starts) {
                for (int target : targets) {
                    out.writeInt(target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The fields every certificate starts with, up to the logit margin. */
    private static void writeHeader(DataOutputStream out, int method, int radix, int stateSize, int history)
            throws IOException {
        out.writeInt(CertificateFormat.MAGIC);
        out.writeInt(CertificateFormat.VERSION);
        out.writeInt(method);
        out.writeInt(radix);
        out.writeInt(stateSize);
        out.writeInt(history);
        out.writeDouble(CertificateFormat.STATE_MARGIN);
        out.writeDouble(CertificateFormat.LOGIT_MARGIN);
    }

    /** A label as the format writes it: carry in, window length, pairs, and the sum digit it claims. */
    private static void writeLabel(DataOutputStream out, StepLabel label) throws IOException {
        out.writeByte(label.carryIn());
        out.writeByte(label.pairs().size());
        for (int pair : label.pairs()) {
            out.writeShort(pair);
        }
        out.writeShort(label.sumDigit());
    }

    private static float exactFloat(double bound) {
        float value = (float) bound;
        if (value != bound) {
            throw new IllegalStateException("box bound " + bound + " is not a float: round the boxes before proving");
        }
        return value;
    }
}
