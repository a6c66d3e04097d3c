package io.neuraladder.train;

/** A known-bad model for the tests: weights with the output layer negated, so that every output bit flips. */
public final class NegatedOutput {

    private NegatedOutput() {}

    /** {@code weights} with the output layer's weights and bias negated. */
    public static CellWeights of(CellWeights weights) {
        double[][] negated = new double[weights.outputs()][weights.hidden()];
        double[] negatedBias = new double[weights.outputs()];
        for (int k = 0; k < weights.outputs(); k++) {
            for (int j = 0; j < weights.hidden(); j++) {
                negated[k][j] = -weights.outputWeights()[k][j];
            }
            negatedBias[k] = -weights.outputBias()[k];
        }
        return new CellWeights(weights.cell(), weights.hidden(), weights.inputWeights(), weights.recurrentWeights(),
                weights.bias(), negated, negatedBias);
    }
}
