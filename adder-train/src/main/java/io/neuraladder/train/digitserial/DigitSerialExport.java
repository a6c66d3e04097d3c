package io.neuraladder.train.digitserial;

import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.export.OnnxExport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a trained digit-serial adder as an ONNX model following
 * {@link io.neuraladder.contract.DigitSerialContract} in its radix.
 */
public final class DigitSerialExport {

    private DigitSerialExport() {}

    /** Writes the result's weights, with provenance and certificate as metadata, to {@code file}. */
    public static void write(DigitSerialResult result, Path file) {
        OnnxExport.write(OnnxExport.toModel(result.weights(), metadata(result)), file);
    }

    static Map<MetadataKey, String> metadata(DigitSerialResult result) {
        DigitSerialConfig c = result.config();
        Map<MetadataKey, String> metadata = new LinkedHashMap<>();
        metadata.put(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        metadata.put(MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD);
        metadata.put(MetadataKey.RADIX, Integer.toString(c.radix()));
        metadata.put(MetadataKey.CELL, c.cell().metadataName());
        metadata.put(MetadataKey.HIDDEN_SIZE, Integer.toString(c.hiddenSize()));
        metadata.put(MetadataKey.TRAINED_STEPS, Integer.toString(c.trainDigits() + 1));
        metadata.put(MetadataKey.TRAINING_SEED, Long.toString(c.seed()));
        metadata.put(MetadataKey.PRODUCER_VERSION, OnnxExport.PRODUCER + " " + OnnxExport.producerVersion());
        metadata.putAll(result.certificate().metadata());
        return metadata;
    }
}
