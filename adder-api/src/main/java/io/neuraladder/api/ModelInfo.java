package io.neuraladder.api;

import io.neuraladder.contract.MetadataKey;
import java.util.Map;
import java.util.Optional;

/**
 * What a model file says about itself: where it came from and its contract metadata.
 *
 * @param source a human-readable name of the file or resource the model was read from
 * @param metadata the model's {@code metadata_props}, keyed by {@link MetadataKey#key()}
 */
public record ModelInfo(String source, Map<String, String> metadata) {

    /** Copies the metadata so that the record is immutable. */
    public ModelInfo {
        metadata = Map.copyOf(metadata);
    }

    /**
     * Whether the model file says it carries a carry certificate: a proof, checked when it was
     * exported, that it adds exactly for inputs of every length. The runtime does not re-check the
     * proof; it self-tests every model on load.
     */
    public boolean certified() {
        return get(MetadataKey.CERTIFICATE).filter(summary -> summary.startsWith("proved")).isPresent();
    }

    /** The value stored under {@code key}, if the model has it. */
    public Optional<String> get(MetadataKey key) {
        return Optional.ofNullable(metadata.get(key.key()));
    }
}
