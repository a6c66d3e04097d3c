package io.neuraladder.load;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.MetadataKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Test fixture: reads and rewrites model files and their embedded certificates, so that tests can
 * make tampered copies. Its own reading of {@link CertificateFormat}, written from the format's
 * documentation, not from the checker. Shared, through this module's test jar, with the training
 * side's tests that hold its verifier to the runtime's checker.
 */
public final class CertificateFiles {

    private CertificateFiles() {}

    /** A certificate in memory, field by field, as the format lays it out. */
    public static final class Decoded {
        public int magic;
        public int version;
        public int method;
        public int radix;
        public int stateSize;
        public int history;
        public double stateMargin;
        public double logitMargin;
        public final List<Region> regions = new ArrayList<>();

        /** One region; {@code pairs} oldest first. */
        public static final class Region {
            public int carryIn;
            public int[] pairs;
            public int claimedDigit;
            public float[] low;
            public float[] high;
        }

        public String encode() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
                out.writeInt(magic);
                out.writeInt(version);
                out.writeInt(method);
                out.writeInt(radix);
                out.writeInt(stateSize);
                out.writeInt(history);
                out.writeDouble(stateMargin);
                out.writeDouble(logitMargin);
                out.writeInt(regions.size());
                for (Region r : regions) {
                    out.writeByte(r.carryIn);
                    out.writeByte(r.pairs.length);
                    for (int pair : r.pairs) {
                        out.writeShort(pair);
                    }
                    out.writeShort(r.claimedDigit);
                    for (float v : r.low) {
                        out.writeFloat(v);
                    }
                    for (float v : r.high) {
                        out.writeFloat(v);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }
    }

    public static ModelProto read(Path model) {
        try {
            return ModelProto.parseFrom(Files.readAllBytes(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model's embedded certificate, as stored. */
    public static String proof(ModelProto model) {
        return model.getMetadataPropsList().stream()
                .filter(e -> e.getKey().equals(MetadataKey.CERTIFICATE_PROOF.key()))
                .map(StringStringEntryProto::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("the model carries no certificate"));
    }

    public static Decoded decode(String proof) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(proof))))) {
            Decoded d = new Decoded();
            d.magic = in.readInt();
            d.version = in.readInt();
            d.method = in.readInt();
            d.radix = in.readInt();
            d.stateSize = in.readInt();
            d.history = in.readInt();
            d.stateMargin = in.readDouble();
            d.logitMargin = in.readDouble();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                Decoded.Region r = new Decoded.Region();
                r.carryIn = in.readByte();
                r.pairs = new int[in.readByte()];
                for (int k = 0; k < r.pairs.length; k++) {
                    r.pairs[k] = in.readUnsignedShort();
                }
                r.claimedDigit = in.readUnsignedShort();
                r.low = new float[d.stateSize];
                r.high = new float[d.stateSize];
                for (int j = 0; j < d.stateSize; j++) {
                    r.low[j] = in.readFloat();
                }
                for (int j = 0; j < d.stateSize; j++) {
                    r.high[j] = in.readFloat();
                }
                d.regions.add(r);
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code model} with its certificate replaced by {@code proof} ({@code null}: removed), written to {@code file}. */
    public static Path withProof(ModelProto model, String proof, Path file) {
        ModelProto.Builder copy = model.toBuilder().clearMetadataProps();
        model.getMetadataPropsList().stream().filter(e -> !e.getKey().equals(MetadataKey.CERTIFICATE_PROOF.key()))
                .forEach(copy::addMetadataProps);
        if (proof != null) {
            copy.addMetadataProps(StringStringEntryProto.newBuilder().setKey(MetadataKey.CERTIFICATE_PROOF.key())
                    .setValue(proof));
        }
        return write(copy.build(), file);
    }

    /** {@code model} with its metadata entry {@code key} set to {@code value}, nothing else changed, written to {@code file}. */
    public static Path withMetadata(ModelProto model, MetadataKey key, String value, Path file) {
        ModelProto.Builder copy = model.toBuilder();
        for (int i = 0; i < copy.getMetadataPropsCount(); i++) {
            if (copy.getMetadataProps(i).getKey().equals(key.key())) {
                copy.setMetadataProps(i, StringStringEntryProto.newBuilder().setKey(key.key()).setValue(value));
            }
        }
        return write(copy.build(), file);
    }

    /**
     * {@code model} with every float weight {@code w} (initializers in graph order) replaced by
     * {@code w · (1 + noise · N(0, 1))}, drawn from {@code java.util.Random(seed)}; the metadata,
     * certificate included, kept as it was.
     */
    public static Path withWeightNoise(ModelProto model, double noise, long seed, Path file) {
        Random random = new Random(seed);
        ModelProto.Builder copy = model.toBuilder();
        for (TensorProto.Builder tensor : copy.getGraphBuilder().getInitializerBuilderList()) {
            if (tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
                continue;
            }
            float[] values = ModelWeights.floats(tensor.build());
            ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                raw.putFloat((float) (v * (1 + noise * random.nextGaussian())));
            }
            tensor.clearFloatData().setRawData(ByteString.copyFrom(raw.array()));
        }
        return write(copy.build(), file);
    }

    public static Path write(ModelProto model, Path file) {
        try {
            Files.write(file, model.toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
