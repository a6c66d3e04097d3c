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

    /** A decoded certificate: a box for each label. */
    record Certificate(int radix, int stateSize, int history, List<Region> regions) {}

    /** One region: a label, the sum digit it claims, and its box ({@code low[j] ≤ state[j] ≤ high[j]}). */
    record Region(StepLabel label, int claimedDigit, double[] low, double[] high) {}

    private CertificateReader() {}

    static Certificate read(String base64, Operator operator) {
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("it is not Base64 (" + e.getMessage() + ")");
        }
        try (InputStream inflated = new InflaterInputStream(new ByteArrayInputStream(compressed));
                DataInputStream in = new DataInputStream(new BufferedInputStream(new BoundedStream(inflated, MAX_BYTES),
                        1 << 16))) {
            Certificate certificate = read(in, operator);
            if (in.read() != -1) {
                throw malformed("bytes follow its last region");
            }
            return certificate;
        } catch (EOFException e) {
            throw malformed("it ends early (truncated)");
        } catch (IOException e) {
            throw malformed("its compressed bytes do not inflate (" + e.getMessage() + ")");
        }
    }

    private static Certificate read(DataInputStream in, Operator operator) throws IOException {
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
        if (method != CertificateFormat.METHOD_BOXES) {
            throw malformed("its method is " + method + "; this runtime checks method " + CertificateFormat.METHOD_BOXES
                    + " (boxes over the cell state) only");
        }
        int radix = in.readInt();
        int stateSize = in.readInt();
        int history = in.readInt();
        double stateMargin = in.readDouble();
        double logitMargin = in.readDouble();
        int count = in.readInt();
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

    private static Region readRegion(DataInputStream in, int index, Operator operator, int radix, int stateSize,
            int history)
            throws IOException {
        int carryIn = in.readByte();
        int length = in.readByte();
        if (carryIn != 0 && carryIn != 1) {
            throw malformed("region " + index + " has carry in " + carryIn);
        }
        if (length < 1 || length > history || (length < history && carryIn != 0)) {
            throw malformed("region " + index + " has a window of " + length + " pairs with carry in " + carryIn
                    + " (history " + history + ")");
        }
        int[] pairs = new int[length];
        for (int k = 0; k < length; k++) {
            pairs[k] = in.readUnsignedShort();
            if (pairs[k] >= radix * radix) {
                throw malformed("region " + index + " has digit pair code " + pairs[k] + " for radix " + radix);
            }
        }
        StepLabel label = new StepLabel(operator, radix, carryIn, pairs);
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
