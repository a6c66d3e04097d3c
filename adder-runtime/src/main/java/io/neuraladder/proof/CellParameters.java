package io.neuraladder.proof;

import io.neuraladder.contract.CellType;
import java.util.Objects;

/**
 * The weights of a model file in ONNX's own layout, as the structure check read them from the bytes
 * that ONNX Runtime gets: the recurrent operator's {@code W}, {@code R}, {@code B} and the output
 * layer's {@code MatMul} and {@code Add} initializers. With {@code G} gate blocks in the operator's
 * order (RNN: one; GRU: z, r, h; LSTM: i, o, f, c), {@code H} hidden units, {@code I} input and
 * {@code K} output features:
 *
 * @param cell the recurrent operator
 * @param hidden {@code H}
 * @param inputs {@code I}: 2 for a binary adder (the operands' bits), 2 · radix for a
 *     digit-serial one (one-hot digits)
 * @param outputs {@code K}: 1 for a binary adder (the sum bit's logit), radix for a digit-serial one
 * @param w {@code [G·H, I]}, row-major
 * @param r {@code [G·H, H]}, row-major
 * @param b {@code [2·G·H]}: the input biases, then the recurrent biases
 * @param outputWeights {@code [H, K]}, row-major
 * @param outputBias {@code [K]}
 */
public record CellParameters(CellType cell, int hidden, int inputs, int outputs, float[] w, float[] r, float[] b,
        float[] outputWeights, float[] outputBias) {

    /**
     * Checks that the arrays have the sizes the dimensions give.
     *
     * @throws IllegalArgumentException if one does not
     */
    public CellParameters {
        Objects.requireNonNull(cell, "cell");
        int rows = cell.gates() * hidden;
        if (hidden < 1 || w.length != rows * inputs || r.length != rows * hidden || b.length != 2 * rows
                || outputWeights.length != hidden * outputs || outputBias.length != outputs) {
            throw new IllegalArgumentException("weight sizes " + w.length + ", " + r.length + ", " + b.length + ", "
                    + outputWeights.length + ", " + outputBias.length + " do not fit " + cell + " with " + hidden
                    + " hidden units, " + inputs + " inputs and " + outputs + " outputs");
        }
    }

    /** The number base: 2 when the inputs are two bits, else half the one-hot input width. */
    int radix() {
        return outputs == 1 ? 2 : inputs / 2;
    }

    /** The length of the state the certificate's boxes bound: {@code H}, or {@code 2H} with an LSTM's memory. */
    int stateSize() {
        return cell.hasCellState() ? 2 * hidden : hidden;
    }

    /** Row {@code unit} of gate block {@code gate}. */
    int row(int gate, int unit) {
        return gate * hidden + unit;
    }

    double recurrent(int row, int k) {
        return r[row * hidden + k];
    }

    /** The output layer's weight from hidden unit {@code j} to output {@code k}. */
    double outputWeight(int k, int j) {
        return outputWeights[j * outputs + k];
    }
}
