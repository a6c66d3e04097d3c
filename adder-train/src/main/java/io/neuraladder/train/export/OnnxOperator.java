package io.neuraladder.train.export;

import io.neuraladder.contract.CellType;

/** The ONNX operators the exporter emits, with the input and output counts each accepts. */
enum OnnxOperator {
    RNN("RNN", 3, 6, 1, 2),
    GRU("GRU", 3, 6, 1, 2),
    LSTM("LSTM", 3, 8, 1, 3),
    SQUEEZE("Squeeze", 1, 2, 1, 1),
    MATMUL("MatMul", 2, 2, 1, 1),
    ADD("Add", 2, 2, 1, 1),
    SIGMOID("Sigmoid", 1, 1, 1, 1),
    SOFTMAX("Softmax", 1, 1, 1, 1);

    private final String opType;
    private final int minInputs;
    private final int maxInputs;
    private final int minOutputs;
    private final int maxOutputs;

    OnnxOperator(String opType, int minInputs, int maxInputs, int minOutputs, int maxOutputs) {
        this.opType = opType;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.minOutputs = minOutputs;
        this.maxOutputs = maxOutputs;
    }

    /** The operator that runs {@code cell}. */
    static OnnxOperator forCell(CellType cell) {
        return switch (cell) {
            case RNN -> RNN;
            case GRU, GRU_LINEAR_BEFORE_RESET -> GRU;
            case LSTM -> LSTM;
        };
    }

    String opType() {
        return opType;
    }

    void checkArity(int inputs, int outputs) {
        if (inputs < minInputs || inputs > maxInputs) {
            throw new IllegalArgumentException(opType + " takes " + minInputs + " to " + maxInputs
                    + " inputs, got " + inputs);
        }
        if (outputs < minOutputs || outputs > maxOutputs) {
            throw new IllegalArgumentException(opType + " produces " + minOutputs + " to " + maxOutputs
                    + " outputs, got " + outputs);
        }
    }
}
