package io.neuraladder.train.certify;

import io.neuraladder.train.CellWeights;

/** ONNX's RNN with its default tanh activation: {@code h' = tanh(W x + R h + b)}. */
final class RnnCell implements RecurrentCell {

    private final CellWeights weights;
    private final double[] next;

    RnnCell(CellWeights weights) {
        this.weights = weights;
        this.next = new double[weights.hidden()];
    }

    @Override
    public CellWeights weights() {
        return weights;
    }

    @Override
    public void step(double[] h, int a, int b) {
        for (int j = 0; j < next.length; j++) {
            next[j] = RecurrentCell.tanh(RecurrentCell.preactivation(weights, j, h, a, b));
        }
        System.arraycopy(next, 0, h, 0, next.length);
    }
}
