package io.neuraladder.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * The keys every model file stores in its ONNX {@code metadata_props}, and what each value means.
 *
 * <p>Training writes all of them; the runtime requires {@link #CONTRACT_VERSION} and
 * {@link #OPERATOR}, checks {@link #CERTIFICATE_PROOF} and reports the others.
 */
public enum MetadataKey {

    /** The {@link ModelContract#VERSION} the model was exported against. Required. */
    CONTRACT_VERSION("neuraladder.contract_version", "contract version the model was exported against"),

    /** The operation the model computes; {@link ModelContract#OPERATOR_ADD} for adders. Required. */
    OPERATOR("neuraladder.operator", "operation the model computes"),

    /**
     * The number base the model adds in: absent or {@code 2} for a binary adder
     * ({@link ModelContract}), {@code r} for a digit-serial adder in radix {@code r}
     * ({@link DigitSerialContract}), such as {@code 10} for the decimal adder.
     */
    RADIX("neuraladder.radix", "number base of the operands"),

    /** The recurrent cell, a {@link CellType} name such as {@code lstm}. */
    CELL("neuraladder.cell", "recurrent cell type"),

    /** The number of hidden units of the recurrent cell. */
    HIDDEN_SIZE("neuraladder.hidden_size", "hidden units of the recurrent cell"),

    /** The sequence length, in bits, of the training examples. */
    TRAINED_STEPS("neuraladder.trained_steps", "bits per training sequence"),

    /** The random seed that, with the other hyperparameters, reproduces the training run. */
    TRAINING_SEED("neuraladder.training_seed", "random seed of the training run"),

    /** The software and version that produced the file. */
    PRODUCER_VERSION("neuraladder.producer_version", "producer and version that wrote the file"),

    /**
     * For a model imported from another framework's export ({@code adder-train import}): the source
     * file's {@code producer_name} and {@code producer_version}, such as {@code pytorch 1.13.0}.
     */
    SOURCE_PRODUCER("neuraladder.source.producer", "producer of the file the model was imported from"),

    /** For an imported model: the SHA-256 (hex) of the file it was imported from. */
    SOURCE_SHA256("neuraladder.source.sha256", "SHA-256 of the file the model was imported from"),

    /**
     * For an imported model: the importer's verdict, {@code proved}, {@code refuted} or
     * {@code unknown}, with the counterexample or the shortfall. Informative only: what the runtime
     * serves as certified depends on the embedded proof alone, checked at every load.
     */
    IMPORT_VERDICT("neuraladder.import.verdict", "importer's verdict: proved, refuted or unknown"),

    /**
     * For an imported model the importer refuted: the counterexample's operands in decimal,
     * separated by a space, such as {@code 3 1}: what the explorer traces in one click.
     */
    IMPORT_COUNTEREXAMPLE("neuraladder.import.counterexample", "operands the imported model gets wrong"),

    /**
     * The summary of the carry certificate, starting with {@code proved:} when the model was proved
     * exact for inputs of every length; absent when the model carries no certificate.
     */
    CERTIFICATE("neuraladder.certificate", "summary of the carry certificate"),

    /**
     * The carry certificate itself, in {@link CertificateFormat}: the proof the runtime checks
     * before it serves a sum. Absent when the model carries no certificate. {@code ModelInfo}
     * leaves it out of its metadata (it can take megabytes).
     */
    CERTIFICATE_PROOF("neuraladder.certificate.proof", "carry certificate, checked at load");

    private final String key;
    private final String description;

    MetadataKey(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The key as stored in the model file. */
    public String key() {
        return key;
    }

    /** What the value means, in a few words. */
    public String description() {
        return description;
    }

    /** The constant whose {@link #key()} is {@code key}, if there is one. */
    public static Optional<MetadataKey> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
