package io.neuraladder.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The recurrent cells a model may be built from, each run by ONNX's own operator of the same name,
 * as named in {@link MetadataKey#CELL}.
 *
 * <p>Each operator keeps its gate blocks stacked in one weight tensor: {@code W [1, gates·H, 2]},
 * {@code R [1, gates·H, H]} and {@code B [1, 2·gates·H]} (input biases, then recurrent biases), with
 * {@code direction = forward} and the operator's default activations.
 */
public enum CellType {

    /** An Elman cell, {@code h' = tanh(W x + R h + b)}: ONNX's {@code RNN} operator. */
    RNN("RNN", 1, false),

    /**
     * A gated recurrent unit with gate blocks (update z, reset r, candidate), {@code linear_before_reset = 0}:
     * ONNX's {@code GRU} operator.
     */
    GRU("GRU", 3, false),

    /**
     * A long short-term memory cell without peepholes, gate blocks (input, output, forget, cell):
     * ONNX's {@code LSTM} operator.
     */
    LSTM("LSTM", 4, true);

    private final String onnxOperator;
    private final int gates;
    private final boolean hasCellState;

    CellType(String onnxOperator, int gates, boolean hasCellState) {
        this.onnxOperator = onnxOperator;
        this.gates = gates;
        this.hasCellState = hasCellState;
    }

    /** The name stored in model metadata and used on command lines, for example {@code lstm}. */
    public String metadataName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The ONNX operator that runs this cell, for example {@code LSTM}. */
    public String onnxOperator() {
        return onnxOperator;
    }

    /** The number of gate blocks stacked in the operator's weight tensors. */
    public int gates() {
        return gates;
    }

    /** Whether the cell carries a memory {@code c} besides its output state {@code h}. */
    public boolean hasCellState() {
        return hasCellState;
    }

    /** The cell run by ONNX operator {@code opType}, if there is one. */
    public static Optional<CellType> forOnnxOperator(String opType) {
        return Arrays.stream(values()).filter(cell -> cell.onnxOperator.equals(opType)).findFirst();
    }

    /** The cell whose {@link #metadataName()} is {@code name}, if there is one. */
    public static Optional<CellType> forMetadataName(String name) {
        return Arrays.stream(values()).filter(cell -> cell.metadataName().equals(name)).findFirst();
    }
}
