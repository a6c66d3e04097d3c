package io.neuraladder.contract;

import java.util.Locale;

/** The recurrent cells a model may be built from, as named in {@link MetadataKey#CELL}. */
public enum CellType {

    /** A long short-term memory cell without peepholes: ONNX's {@code LSTM} operator. */
    LSTM;

    /** The name stored in model metadata, for example {@code lstm}. */
    public String metadataName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
