package io.neuraladder.proof;

import io.neuraladder.api.CertificateCondition;
import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.Operator;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.InflaterInputStream;

/**
 * Decodes the certificate stored in a model file ({@link CertificateFormat}) and checks that it is
 * well formed; whether it proves anything is {@link CertificateChecker}'s business.
 */
final class CertificateReader {

    /**
     * The largest magnitude a box bound may have. No adder's state comes near (tanh and sigmoid
     * keep h within ±1; a shut LSTM forget gate keeps c small); it keeps every intermediate of the
     * check far from double overflow, which the outward rounding relies on.
     */
    static final double MAX_BOUND = 1e6;

    /**
     * The most decompressed bytes read: the largest certificate {@link CertificateFormat#MAX_REGIONS}
     * allows, and more.
     */
    private static final int MAX_BYTES = 64 << 20;

    /** A decoded certificate: boxes or a cover by pieces. */
    sealed interface Decoded permits Certificate, PieceCover {}

    /** A decoded box certificate: a box for each label. */
    record Certificate(int radix, int stateSize, int history, List<Region> regions) implements Decoded {}

    /** One region: a label, the sum digit it claims, and its box ({@code low[j] ≤ state[j] ≤ high[j]}). */
    record Region(StepLabel label, int claimedDigit, double[] low, double[] high) {}

    /**
     * A decoded cover by pieces.
     *
     * @param starts {@code starts[t − 1][w]}: the piece holding the zero state's image on the
     *     string {@code w} of {@code t} pairs
     */
    record PieceCover(int stateSize, int history, int steps, List<Piece> pieces, int[][] starts) implements Decoded {}

    /**
     * One piece: {@code {center + shape · u : |u_j| ≤ 1}} for one label, and for each string of
     * {@code steps} pairs the index of the piece its image must lie in.
     */
    record Piece(StepLabel label, int claimedDigit, float[] center, float[][] shape, int[] targets) {}

    private CertificateReader() {}

    static Decoded read(String base64, Operator operator) {
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("it is not Base64 (" + e.getMessage() + ")");
        }
        try (InputStream inflated = new InflaterInputStream(new ByteArrayInputStream(compressed));
                DataInputStream in = new DataInputStream(new BufferedInputStream(new BoundedStream(inflated, MAX_BYTES),
                        1 << 16))) {
            Decoded certificate = read(in, operator);
            if (in.read() != -1) {
                throw malformed("bytes follow its last " + (certificate instanceof PieceCover ? "start target" : "region"));
            }
            return certificate;
        } catch (EOFException e) {
            throw malformed("it ends early (truncated)");
        } catch (IOException e) {
            throw malformed("its compressed bytes do not inflate (" + e.getMessage() + ")");
        }
    }

    private static Decoded read(DataInputStream in, Operator operator) throws IOException {
        int magic = in.readInt();
        if (magic != CertificateFormat.MAGIC) {
            throw malformed(String.format(Locale.ROOT, "it starts with 0x%08X, not the magic %s", magic,
                    CertificateFormat.MAGIC_HEX));
        }
        int version = in.readInt();
        if (version != CertificateFormat.VERSION) {
            throw malformed("its format version is " + version + "; this runtime reads version "
                    + CertificateFormat.VERSION + " only (re-certify the model with this release's 'certify --embed')");
        }
        int method = in.readInt();
        if (method != CertificateFormat.METHOD_BOXES && method != CertificateFormat.METHOD_PIECES) {
            throw malformed("its method is " + method + "; this runtime checks methods " + CertificateFormat.METHOD_BOXES
                    + " (boxes over the cell state) and " + CertificateFormat.METHOD_PIECES + " (a cover by pieces)");
        }
        int radix = in.readInt();
        int stateSize = in.readInt();
        int history = in.readInt();
        double stateMargin = in.readDouble();
        double logitMargin = in.readDouble();
        if (radix < 2 || radix > 256) {
            throw malformed("its radix is " + radix);
        }
        if (stateSize < 1 || stateSize > 4096) {
            throw malformed("its state size is " + stateSize);
        }
        if (history < 1 || history > CertificateFormat.MAX_HISTORY) {
            throw malformed("its history is " + history + ", not 1 to " + CertificateFormat.MAX_HISTORY);
        }
        if (stateMargin != CertificateFormat.STATE_MARGIN || logitMargin != CertificateFormat.LOGIT_MARGIN) {
            throw new CertificateRejection(CertificateCondition.MISMATCH, String.format(Locale.ROOT, "the certificate states "
                    + "a state margin of %s and a logit margin of %s; the contract's, which the check uses, are %s "
                    + "and %s", stateMargin, logitMargin, CertificateFormat.STATE_MARGIN,
                    CertificateFormat.LOGIT_MARGIN));
        }
        return method == CertificateFormat.METHOD_BOXES ? readBoxes(in, operator, radix, stateSize, history)
                : readPieces(in, operator, radix, stateSize, history);
    }

    private static Certificate readBoxes(DataInputStream in, Operator operator, int radix, int stateSize, int history)
            throws IOException {
        int count = in.readInt();
        if (count < 1 || count > CertificateFormat.MAX_REGIONS) {
            throw malformed("it has " + count + " regions, not 1 to " + CertificateFormat.MAX_REGIONS);
        }
        List<Region> regions = new ArrayList<>(count);
        Set<StepLabel> labels = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Region region = readRegion(in, i, operator, radix, stateSize, history);
            if (!labels.add(region.label())) {
                throw malformed("region " + i + " [" + region.label() + "] repeats a label");
            }
            regions.add(region);
        }
        return new Certificate(radix, stateSize, history, List.copyOf(regions));
    }

    private static PieceCover readPieces(DataInputStream in, Operator operator, int radix, int stateSize, int history)
            throws IOException {
        if (radix != 2) {
            throw malformed("it is a cover by pieces for radix " + radix + "; covers are checked for binary adders only");
        }
        int steps = in.readInt();
        int count = in.readInt();
        if (steps < 1 || steps > CertificateFormat.MAX_STEPS) {
            throw malformed("its strings have " + steps + " pairs, not 1 to " + CertificateFormat.MAX_STEPS);
        }
        if (count < 1 || count > CertificateFormat.MAX_PIECES
                || (long) count * stateSize * stateSize > CertificateFormat.MAX_PIECE_ENTRIES) {
            throw malformed("it has " + count + " pieces of " + stateSize + " components; at most "
                    + CertificateFormat.MAX_PIECES + " pieces and " + CertificateFormat.MAX_PIECE_ENTRIES
                    + " shape entries are read");
        }
        int strings = 1 << (2 * steps);
        List<Piece> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StepLabel label = readLabel(in, "piece " + i, operator, radix, history);
            int claimed = in.readUnsignedShort();
            float[] center = new float[stateSize];
            for (int j = 0; j < stateSize; j++) {
                center[j] = bounded(in.readFloat(), "piece " + i + "'s center, component " + j);
            }
            float[][] shape = new float[stateSize][stateSize];
            for (int j = 0; j < stateSize; j++) {
                for (int k = 0; k < stateSize; k++) {
                    shape[j][k] = bounded(in.readFloat(), "piece " + i + "'s shape, entry (" + j + ", " + k + ")");
                }
            }
            pieces.add(new Piece(label, claimed, center, shape, readTargets(in, strings, count, "piece " + i)));
        }
        int[][] starts = new int[steps][];
        for (int t = 1; t <= steps; t++) {
            starts[t - 1] = readTargets(in, 1 << (2 * t), count, "the start strings of " + t + " pairs");
        }
        return new PieceCover(stateSize, history, steps, List.copyOf(pieces), starts);
    }

    private static int[] readTargets(DataInputStream in, int strings, int count, String whose) throws IOException {
        int[] targets = new int[strings];
        for (int w = 0; w < strings; w++) {
            targets[w] = in.readInt();
            if (targets[w] < 0 || targets[w] >= count) {
                throw malformed(whose + " names target piece " + targets[w] + " for string " + w + "; there are "
                        + count + " pieces");
            }
        }
        return targets;
    }

    private static float bounded(float value, String what) {
        if (!(Math.abs(value) <= MAX_BOUND)) {
            throw malformed(what + " is " + value + " (finite and within ±" + MAX_BOUND + " required)");
        }
        return value;
    }

    private static Region readRegion(DataInputStream in, int index, Operator operator, int radix, int stateSize,
            int history)
            throws IOException {
        StepLabel label = readLabel(in, "region " + index, operator, radix, history);
        int claimed = in.readUnsignedShort();
        double[] low = new double[stateSize];
        double[] high = new double[stateSize];
        for (int j = 0; j < stateSize; j++) {
            low[j] = in.readFloat();
        }
        for (int j = 0; j < stateSize; j++) {
            high[j] = in.readFloat();
            if (!(Math.abs(low[j]) <= MAX_BOUND && Math.abs(high[j]) <= MAX_BOUND && low[j] <= high[j])) {
                throw malformed("region [" + label + "] has the bounds [" + low[j] + ", " + high[j]
                        + "] on state component " + j + " (finite, low ≤ high, within ±" + MAX_BOUND + " required)");
            }
        }
        return new Region(label, claimed, low, high);
    }

    private static StepLabel readLabel(DataInputStream in, String which, Operator operator, int radix, int history)
            throws IOException {
        int carryIn = in.readByte();
        int length = in.readByte();
        if (carryIn != 0 && carryIn != 1) {
            throw malformed(which + " has carry in " + carryIn);
        }
        if (length < 1 || length > history || (length < history && carryIn != 0)) {
            throw malformed(which + " has a window of " + length + " pairs with carry in " + carryIn
                    + " (history " + history + ")");
        }
        int[] pairs = new int[length];
        for (int k = 0; k < length; k++) {
            pairs[k] = in.readUnsignedShort();
            if (pairs[k] >= radix * radix) {
                throw malformed(which + " has digit pair code " + pairs[k] + " for radix " + radix);
            }
        }
        return new StepLabel(operator, radix, carryIn, pairs);
    }

    private static CertificateRejection malformed(String why) {
        return new CertificateRejection(CertificateCondition.MALFORMED, "the certificate is malformed: " + why);
    }

    /** Refuses to read more than a limit, so that a small file cannot inflate into gigabytes. */
    private static final class BoundedStream extends java.io.FilterInputStream {

        private long left;

        BoundedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            left -= n;
            if (left < 0) {
                throw new IOException("more than " + MAX_BYTES + " bytes");
            }
        }
    }
}
