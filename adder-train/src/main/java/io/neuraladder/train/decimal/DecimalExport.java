package io.neuraladder.train.decimal;

import io.neuraladder.contract.DecimalContract;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.export.OnnxExport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a trained decimal adder as an ONNX model following {@link DecimalContract}. */
public final class DecimalExport {

    private DecimalExport() {}

    /** Writes the result's weights, with provenance and certificate as metadata, to {@code file}. */
    public static void write(DecimalResult result, Path file) {
        OnnxExport.write(OnnxExport.toModel(result.weights(), metadata(result)), file);
    }

    static Map<MetadataKey, String> metadata(DecimalResult result) {
        DecimalConfig c = result.config();
        Map<MetadataKey, String> metadata = new LinkedHashMap<>();
        metadata.put(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        metadata.put(MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD);
        metadata.put(MetadataKey.RADIX, DecimalContract.RADIX_VALUE);
        metadata.put(MetadataKey.CELL, c.cell().metadataName());
        metadata.put(MetadataKey.HIDDEN_SIZE, Integer.toString(c.hiddenSize()));
        metadata.put(MetadataKey.TRAINED_STEPS, Integer.toString(c.trainDigits() + 1));
        metadata.put(MetadataKey.TRAINING_SEED, Long.toString(c.seed()));
        metadata.put(MetadataKey.PRODUCER_VERSION, OnnxExport.PRODUCER + " " + OnnxExport.producerVersion());
        metadata.putAll(result.certificate().metadata());
        return metadata;
    }
}
