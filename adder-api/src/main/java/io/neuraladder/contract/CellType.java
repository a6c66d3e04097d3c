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
    RNN("RNN", 1, false, false),

    /**
     * A gated recurrent unit with gate blocks (update z, reset r, candidate), {@code linear_before_reset = 0}:
     * ONNX's {@code GRU} operator.
     */
    GRU("GRU", 3, false, false),

    /**
     * A gated recurrent unit as PyTorch's {@code nn.GRU} computes it and {@code torch.onnx.export}
     * writes it (Keras's {@code reset_after}): ONNX's {@code GRU} with {@code linear_before_reset = 1},
     * which applies the reset gate after the recurrent product, bias included,
     * {@code ĥ = tanh(W_h x + Wb_h + r ⊙ (R_h h + Rb_h))}; same gate blocks as {@link #GRU}.
     */
    GRU_LINEAR_BEFORE_RESET("GRU", 3, false, true),

    /**
     * A long short-term memory cell without peepholes, gate blocks (input, output, forget, cell):
     * ONNX's {@code LSTM} operator.
     */
    LSTM("LSTM", 4, true, false);

    private final String onnxOperator;
    private final int gates;
    private final boolean hasCellState;
    private final boolean linearBeforeReset;

    CellType(String onnxOperator, int gates, boolean hasCellState, boolean linearBeforeReset) {
        this.onnxOperator = onnxOperator;
        this.gates = gates;
        this.hasCellState = hasCellState;
        this.linearBeforeReset = linearBeforeReset;
    }

    /**
     * The name stored in model metadata and used on command lines, for example {@code lstm} or
     * {@code gru-linear-before-reset}.
     */
    public String metadataName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value of the ONNX operator's {@code linear_before_reset} attribute: 1 only for {@link #GRU_LINEAR_BEFORE_RESET}. */
    public boolean linearBeforeReset() {
        return linearBeforeReset;
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

    /**
     * The cell run by ONNX operator {@code opType} with {@code linear_before_reset = linearBeforeReset}
     * (0 or 1; only a GRU has the attribute, so other operators need 0), if there is one.
     */
    public static Optional<CellType> forOnnxNode(String opType, long linearBeforeReset) {
        return Arrays.stream(values()).filter(cell -> cell.onnxOperator.equals(opType)
                && (cell.linearBeforeReset ? 1 : 0) == linearBeforeReset).findFirst();
    }

    /** The cell whose {@link #metadataName()} is {@code name}, if there is one. */
    public static Optional<CellType> forMetadataName(String name) {
        return Arrays.stream(values()).filter(cell -> cell.metadataName().equals(name)).findFirst();
    }
}
