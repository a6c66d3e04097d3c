package io.neuraladder.api;

import io.neuraladder.contract.MetadataKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a loaded model is: where it came from, its contract metadata, and whether its carry
 * certificate was checked in this process.
 *
 * @param source a human-readable name of the file or resource the model was read from
 * @param metadata the model's {@code metadata_props}, keyed by {@link MetadataKey#key()}, without
 *     the certificate itself ({@link MetadataKey#CERTIFICATE_PROOF}), which can take megabytes
 * @param certificateCheck what the runtime's checker found, if it verified the model's certificate
 *     when loading it; empty when the model has no certificate, or one that does not check and was
 *     allowed anyway
 */
public record ModelInfo(String source, Map<String, String> metadata, Optional<CertificateCheck> certificateCheck) {

    /** Copies the metadata, less the certificate bytes, so that the record is immutable. */
    public ModelInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(certificateCheck, "certificateCheck");
        Map<String, String> shown = new HashMap<>(metadata);
        shown.remove(MetadataKey.CERTIFICATE_PROOF.key());
        metadata = Map.copyOf(shown);
    }

    /** A model whose certificate was not checked. */
    public ModelInfo(String source, Map<String, String> metadata) {
        this(source, metadata, Optional.empty());
    }

    /**
     * Whether the model's carry certificate was checked in this process when the model was loaded:
     * a proof that it adds exactly for inputs of every length. What the file merely says about
     * itself ({@link MetadataKey#CERTIFICATE}) does not count.
     */
    public boolean certified() {
        return certificateCheck.isPresent();
    }

    /** The value stored under {@code key}, if the model has it (never the certificate's bytes). */
    public Optional<String> get(MetadataKey key) {
        return Optional.ofNullable(metadata.get(key.key()));
    }
}
