package io.neuraladder.train.imports;

import io.neuraladder.train.CellWeights;

/**
 * A recurrent adder read from another framework's ONNX export, in this project's terms.
 *
 * @param weights the cell and the head, the head's bias already holding the threshold as a logit
 * @param head how the source decided a bit: {@code sigmoid} (probability above 0.5) or
 *     {@code linear} (value above 0.5, folded into the bias as {@code b − 0.5})
 * @param batchFirst whether the source read {@code [batch, steps, 2]} (PyTorch's {@code batch_first})
 * @param producer the source's {@code producer_name} and {@code producer_version}
 * @param sha256 the source file's SHA-256, hex
 * @param source the source file's name, for messages and the card
 */
public record ImportedAdder(CellWeights weights, String head, boolean batchFirst, String producer, String sha256,
        String source) {

    /** One line: the cell, its size, the head and the layout. */
    public String describe() {
        return String.format("%s with %d hidden units, a %s head, %s, from %s", weights.cell().metadataName(),
                weights.hidden(), head, batchFirst ? "batch-first" : "time-major", producer);
    }
}
