package io.neuraladder.train.imports;

import static io.neuraladder.train.imports.PyTorchFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.CertificateCondition;
import io.neuraladder.api.CertificateMethod;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.EmbeddedCertificate;
import io.neuraladder.train.export.OnnxExport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's kernel on covers by pieces of an imported network (rnn8-sigmoid, which boxes do not
 * prove): the cover the import embeds checks, and a catalogue of wrong covers is refused, each for
 * the right reason and naming what is wrong.
 */
class PieceCoverCheckTest {

    @TempDir
    static Path temp;

    private static ModelProto proved;
    private static String proof;

    @BeforeAll
    static void importTheFixture() throws IOException {
        Path written = temp.resolve("rnn8-sigmoid.onnx");
        AdderImport.Outcome outcome = AdderImport.run(fixture("rnn8-sigmoid"), written, Operator.ADD);
        assertEquals(AdderImport.Verdict.PROVED, outcome.verdict(), outcome.headline());
        proved = ModelProto.parseFrom(Files.readAllBytes(written));
        proof = EmbeddedCertificate.embeddedProof(proved).orElseThrow();
    }

    @Test
    void theEmbeddedCover_checks_asPieces() {
        CertificateCheck check = NeuralAdder.checkCertificate(proved.toByteArray(), "rnn8-sigmoid", Operator.ADD);
        assertEquals(CertificateMethod.PIECES, check.method());
        assertEquals(Cover.read(proof).pieces.size(), check.regions());
        assertTrue(check.outputMargin() > 0 && check.stateSlack() > 0, check.toString());
        assertTrue(check.toString().contains("pieces"), check.toString());
    }

    @Test
    void aTargetOfAnotherLabel_isRefused() {
        String message = refused(cover -> {
            Cover.Piece first = cover.pieces.get(0);
            int target = first.targets[0];
            first.targets[0] = indexWhere(cover, p -> !p.sameLabel(cover.pieces.get(target)));
        }, CertificateCondition.CLOSURE);
        assertTrue(message.contains("but the target piece is labelled"), message);
    }

    @Test
    void threeWrongTargets_theLowestNumberedPieceIsReported_everyTime() {
        int middle = Cover.read(proof).pieces.size() / 2;
        for (int run = 0; run < 5; run++) {
            String message = refused(cover -> {
                for (int index : new int[] {cover.pieces.size() - 1, middle, 3}) {
                    Cover.Piece piece = cover.pieces.get(index);
                    int target = piece.targets[0];
                    piece.targets[0] = indexWhere(cover, p -> !p.sameLabel(cover.pieces.get(target)));
                }
            }, CertificateCondition.CLOSURE);
            assertTrue(message.contains("piece 3 [") && !message.contains("piece " + middle + " ["), message);
        }
    }

    @Test
    void aTargetOfTheRightLabelThatDoesNotHoldTheImage_isRefused() {
        String message = refused(cover -> {
            Cover.Piece first = cover.pieces.get(0);
            Cover.Piece target = cover.pieces.get(first.targets[0]);
            int farthest = -1;
            double distance = 0;
            for (int i = 0; i < cover.pieces.size(); i++) {
                Cover.Piece other = cover.pieces.get(i);
                double d = 0;
                for (int j = 0; j < other.center.length; j++) {
                    d = Math.max(d, Math.abs(other.center[j] - target.center[j]));
                }
                if (other.sameLabel(target) && d > distance) {
                    farthest = i;
                    distance = d;
                }
            }
            first.targets[0] = farthest;
        }, CertificateCondition.CLOSURE);
        assertTrue(message.contains("is not proven inside the target piece"), message);
    }

    @Test
    void aShrunkPiece_isRefused() {
        refused(cover -> {
            for (float[] row : cover.pieces.get(cover.pieces.size() / 2).shape) {
                for (int k = 0; k < row.length; k++) {
                    row[k] *= 0.5f;
                }
            }
        }, CertificateCondition.START, CertificateCondition.CLOSURE);
    }

    @Test
    void aRedirectedStart_isRefused() {
        refused(cover -> cover.starts[1][5] = cover.starts[1][6], CertificateCondition.START);
    }

    @Test
    void aFlippedSumDigit_isRefused() {
        String message = refused(cover -> cover.pieces.get(7).claimed ^= 1, CertificateCondition.SUM_DIGIT);
        assertTrue(message.contains("piece 7"), message);
    }

    @Test
    void aSingularShape_isRefused() {
        String message = refused(cover -> {
            for (float[] row : cover.pieces.get(3).shape) {
                row[1] = row[0];
            }
        }, CertificateCondition.MALFORMED);
        assertTrue(message.contains("cannot prove invertible"), message);
    }

    @Test
    void malformedCovers_areRefusedByName() {
        assertTrue(refused(cover -> cover.pieces.get(2).targets[3] = cover.pieces.size(), CertificateCondition.MALFORMED)
                .contains("names target piece"));
        assertTrue(refused(cover -> cover.steps = 4, CertificateCondition.MALFORMED).contains("not 1 to 3"));
        assertTrue(refused(cover -> cover.trailing = true, CertificateCondition.MALFORMED).contains("bytes follow"));
        assertTrue(refused(cover -> cover.pieces.get(0).pairs = new int[] {0, 1, 2}, CertificateCondition.MALFORMED)
                .contains("window of 3 pairs"));
        assertTrue(refused(cover -> cover.pieces.get(4).center[0] = Float.NaN, CertificateCondition.MALFORMED)
                .contains("center"));
        String truncated = proof.substring(0, proof.length() / 2);
        assertEquals(CertificateCondition.MALFORMED, assertThrows(ModelCertificateException.class,
                () -> check(withProof(proved, truncated), Operator.ADD)).condition());
    }

    @Test
    void theCover_withAnotherHead_isRefusedAtTheOutputs() throws IOException {
        CellWeights weights = CellWeights.fromModel(proved, "rnn8-sigmoid");
        double[][] negated = Arrays.stream(weights.outputWeights()).map(row -> Arrays.stream(row).map(w -> -w).toArray())
                .toArray(double[][]::new);
        CellWeights flipped = new CellWeights(weights.cell(), weights.hidden(), weights.inputWeights(),
                weights.recurrentWeights(), weights.bias(), negated, new double[] {-weights.outputBias()[0]});
        Map<MetadataKey, String> metadata = new java.util.LinkedHashMap<>();
        proved.getMetadataPropsList().forEach(e -> MetadataKey.fromKey(e.getKey()).ifPresent(k -> metadata.put(k,
                e.getValue())));
        ModelProto model = OnnxExport.toModel(flipped, metadata);
        ModelCertificateException refusal = assertThrows(ModelCertificateException.class, () -> check(model, Operator.ADD));
        assertEquals(CertificateCondition.OUTPUT, refusal.condition(), refusal.getMessage());
    }

    @Test
    void theCover_checkedAsASubtractor_isRefused() {
        ModelProto relabelled = proved.toBuilder().clearMetadataProps().addAllMetadataProps(proved.getMetadataPropsList()
                .stream().map(e -> e.getKey().equals(MetadataKey.OPERATOR.key())
                        ? e.toBuilder().setValue(Operator.SUBTRACT.metadataName()).build() : e).toList()).build();
        assertThrows(ModelCertificateException.class, () -> check(relabelled, Operator.SUBTRACT));
    }

    private static int indexWhere(Cover cover, java.util.function.Predicate<Cover.Piece> test) {
        for (int i = 0; i < cover.pieces.size(); i++) {
            if (test.test(cover.pieces.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("no such piece");
    }

    /** The cover, tampered, must be refused with one of {@code expected}; returns the message. */
    private static String refused(Consumer<Cover> tamper, CertificateCondition... expected) {
        Cover cover = Cover.read(proof);
        tamper.accept(cover);
        ModelProto model = withProof(proved, cover.write());
        ModelCertificateException refusal = assertThrows(ModelCertificateException.class, () -> check(model,
                Operator.ADD));
        Set<CertificateCondition> allowed = EnumSet.copyOf(List.of(expected));
        assertTrue(allowed.contains(refusal.condition()), refusal.condition() + ": " + refusal.getMessage());
        return refusal.getMessage();
    }

    private static CertificateCheck check(ModelProto model, Operator operator) {
        return NeuralAdder.checkCertificate(model.toByteArray(), "tampered", operator);
    }

    private static ModelProto withProof(ModelProto model, String encoded) {
        List<StringStringEntryProto> entries = new ArrayList<>();
        for (StringStringEntryProto entry : model.getMetadataPropsList()) {
            entries.add(entry.getKey().equals(MetadataKey.CERTIFICATE_PROOF.key()) ? entry.toBuilder().setValue(encoded)
                    .build() : entry);
        }
        return model.toBuilder().clearMetadataProps().addAllMetadataProps(entries).build();
    }

    /** A cover decoded into fields a test can change, and encoded again (docs/certification.md's layout). */
    static final class Cover {
        int[] header = new int[6];
        double stateMargin;
        double logitMargin;
        int steps;
        int stateSize;
        List<Piece> pieces = new ArrayList<>();
        int[][] starts;
        boolean trailing;

        static final class Piece {
            int carryIn;
            int[] pairs;
            int claimed;
            float[] center;
            float[][] shape;
            int[] targets;

            boolean sameLabel(Piece other) {
                return carryIn == other.carryIn && Arrays.equals(pairs, other.pairs);
            }
        }

        static Cover read(String encoded) {
            try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(
                    Base64.getDecoder().decode(encoded))))) {
                Cover cover = new Cover();
                for (int k = 0; k < 6; k++) {
                    cover.header[k] = in.readInt();
                }
                cover.stateSize = cover.header[4];
                cover.stateMargin = in.readDouble();
                cover.logitMargin = in.readDouble();
                cover.steps = in.readInt();
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    Piece piece = new Piece();
                    piece.carryIn = in.readByte();
                    piece.pairs = new int[in.readByte()];
                    for (int k = 0; k < piece.pairs.length; k++) {
                        piece.pairs[k] = in.readUnsignedShort();
                    }
                    piece.claimed = in.readUnsignedShort();
                    piece.center = floats(in, cover.stateSize);
                    piece.shape = new float[cover.stateSize][];
                    for (int j = 0; j < cover.stateSize; j++) {
                        piece.shape[j] = floats(in, cover.stateSize);
                    }
                    piece.targets = ints(in, 1 << (2 * cover.steps));
                    cover.pieces.add(piece);
                }
                cover.starts = new int[cover.steps][];
                for (int t = 1; t <= cover.steps; t++) {
                    cover.starts[t - 1] = ints(in, 1 << (2 * t));
                }
                return cover;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String write() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, new Deflater()))) {
                for (int value : header) {
                    out.writeInt(value);
                }
                out.writeDouble(stateMargin);
                out.writeDouble(logitMargin);
                out.writeInt(steps);
                out.writeInt(pieces.size());
                for (Piece piece : pieces) {
                    out.writeByte(piece.carryIn);
                    out.writeByte(piece.pairs.length);
                    for (int pair : piece.pairs) {
                        out.writeShort(pair);
                    }
                    out.writeShort(piece.claimed);
                    for (float value : piece.center) {
                        out.writeFloat(value);
                    }
                    for (float[] row : piece.shape) {
                        for (float value : row) {
                            out.writeFloat(value);
                        }
                    }
                    for (int target : piece.targets) {
                        out.writeInt(target);
                    }
                }
                for (int[] targets : starts) {
                    for (int target : targets) {
                        out.writeInt(target);
                    }
                }
                if (trailing) {
                    out.writeByte(0);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }

        private static float[] floats(DataInputStream in, int count) throws IOException {
            float[] values = new float[count];
            for (int k = 0; k < count; k++) {
                values[k] = in.readFloat();
            }
            return values;
        }

        private static int[] ints(DataInputStream in, int count) throws IOException {
            int[] values = new int[count];
            for (int k = 0; k < count; k++) {
                values[k] = in.readInt();
            }
            return values;
        }
    }
}
