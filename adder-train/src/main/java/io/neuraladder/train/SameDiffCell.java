package io.neuraladder.train;

import io.neuraladder.contract.CellType;
import java.util.List;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A recurrent cell's variables and step, written into a SameDiff graph from ONNX's equations for
 * the cell (see {@link CellType}), for the learners that unroll it. The gate that would let the
 * cell keep its past state verbatim is held shut (bias {@value #SHUT_GATE_BIAS}, no weights): an
 * LSTM's forget gate, a GRU's update gate. With it open, a GRU became exact but its certificate's
 * boxes grew without bound; shut, the cell keeps of its past only what its other gates compute.
 *
 * <p>With a recurrent rank {@code k > 0}, every gate reads the previous state only through the same
 * {@code k} numbers {@code h · V} ({@code V} is {@code [H, k]}), each gate's recurrent matrix being
 * {@code V · U_gate}; exported as the full product. A ripple-carry adder needs to pass one bit
 * between steps; a rank-1 cell passes one number, which keeps the certificate's boxes small.
 *
 * <p>A rank-1 cell may also read a <em>start flag</em>: the number passed is then
 * {@code h_0 + h_1}, the carry unit plus unit 1, which its learner holds at +1 after every step.
 * The zero initial state then reads 0, the same as a carry unit at −1 beside the flag at +1, so
 * the first step needs no threshold of its own between "no carry" and "start".
 */
public final class SameDiffCell {

    /** The shut gate's fixed bias: sigmoid(-10) = 4.5e-5. */
    public static final double SHUT_GATE_BIAS = -10;

    /** The unit that serves as the start flag of a cell that has one; the carry unit is unit 0. */
    public static final int START_FLAG = 1;

    private final SameDiff sd;
    private final CellType cell;
    private final int inputs;
    private final int hidden;
    private final int rank;
    private final double carryGain;

    /**
     * Creates the cell's variables in {@code sd}, drawing initial weights from {@code random}.
     *
     * @param rank the number {@code k} of carry units the gates read the previous state through: 0
     *     for full recurrent matrices
     * @param carryGain the factor on the carry units' preactivations, in the graph and in the
     *     exported weights: the carry units of a ripple-carry step are thresholds that need weights
     *     tens of times larger than the other units', which Adam, moving each weight by about its
     *     learning rate per step, reaches {@code carryGain} times sooner
     * @param startFlag whether a rank-1 cell reads {@code h_0 + h_1} (see above)
     */
    public SameDiffCell(SameDiff sd, CellType cell, int inputs, int hidden, int rank, double carryGain,
            boolean startFlag, Random random) {
        if (startFlag && (rank != 1 || hidden < 2)) {
            throw new IllegalArgumentException("a start flag needs recurrent rank 1 and 2 units or more, got rank "
                    + rank + " with " + hidden + " units");
        }
        this.sd = sd;
        this.carryGain = carryGain;
        this.cell = cell;
        this.inputs = inputs;
        this.hidden = hidden;
        this.rank = rank;
        if (rank > 0) {
            INDArray select = Nd4j.zeros(DataType.FLOAT, hidden, rank);
            for (int k = 0; k < rank; k++) {
                select.putScalar(k, k, 1);
            }
            if (startFlag) {
                select.putScalar(START_FLAG, 0, 1);
            }
            sd.constant("V", select);
            INDArray carryUnits = Nd4j.zeros(DataType.FLOAT, 1, hidden);
            for (int k = 0; k < rank; k++) {
                carryUnits.putScalar(0, k, 1);
            }
            sd.constant("carry_units", carryUnits);
            if (carryGain != 1) {
                sd.constant("carry_gain", carryUnits.mul(carryGain - 1).addi(1));
            }
        }
        for (String gate : trainedGates()) {
            sd.var("W_" + gate, uniform(random, inputs, hidden, 2));
            if (rank > 0) {
                sd.var("U_" + gate, uniform(random, rank, hidden, rank));
            } else {
                sd.var("R_" + gate, uniform(random, hidden, hidden, hidden));
            }
            sd.var("b_" + gate, Nd4j.zeros(DataType.FLOAT, 1, hidden));
        }
    }

    /**
     * One step on input {@code x}: updates {@code state = {h, c}} (both {@code null} before the
     * first step, {@code c} only for an LSTM). An LSTM's memory gets {@code noiseC} before
     * {@code h} is read from it.
     */
    public void step(SDVariable x, SDVariable[] state, SDVariable noiseC) {
        SDVariable h = state[0];
        double shut = 1 / (1 + Math.exp(-SHUT_GATE_BIAS));
        switch (cell) {
            case RNN -> state[0] = sd.math().tanh(gate("h", x, h));
            case GRU -> {
                SDVariable resetH = h == null ? null : sd.nn().sigmoid(gate("r", x, h)).mul(h);
                SDVariable candidate = sd.math().tanh(gate("h", x, resetH)).mul(1 - shut);
                state[0] = h == null ? candidate : candidate.add(h.mul(shut));
            }
            case GRU_LINEAR_BEFORE_RESET -> throw untrainable();
            case LSTM -> {
                SDVariable i = sd.nn().sigmoid(gate("i", x, h));
                SDVariable o = sd.nn().sigmoid(gate("o", x, h));
                SDVariable g = sd.math().tanh(gate("c", x, h));
                SDVariable input = i.mul(g);
                state[1] = (state[1] == null ? input : state[1].mul(shut).add(input)).add(noiseC);
                state[0] = o.mul(sd.math().tanh(state[1]));
            }
        }
    }

    /**
     * The cell's current weights in ONNX's layout ({@code [G·H][inputs]}, {@code [G·H][H]},
     * {@code [G·H]}), the shut gate included; the output layer is the caller's.
     */
    public double[][][] recurrentWeights() {
        int rows = cell.gates() * hidden;
        double[][] w = new double[rows][inputs];
        double[][] r = new double[rows][hidden];
        double[][] bias = new double[1][rows];
        List<String> gates = trainedGates();
        int[] blocks = onnxBlocks();
        for (int k = 0; k < gates.size(); k++) {
            INDArray wg = sd.getVariable("W_" + gates.get(k)).getArr();
            INDArray rg = rank > 0 ? sd.getVariable("V").getArr().mmul(sd.getVariable("U_" + gates.get(k)).getArr())
                    : sd.getVariable("R_" + gates.get(k)).getArr();
            INDArray bg = sd.getVariable("b_" + gates.get(k)).getArr();
            for (int unit = 0; unit < hidden; unit++) {
                int row = blocks[k] * hidden + unit;
                for (int i = 0; i < inputs; i++) {
                    w[row][i] = wg.getFloat(i, unit);
                }
                for (int j = 0; j < hidden; j++) {
                    r[row][j] = rg.getFloat(j, unit);
                }
                bias[0][row] = bg.getFloat(0, unit);
                if (unit < rank && carryGain != 1) {
                    scale(w[row], carryGain);
                    scale(r[row], carryGain);
                    bias[0][row] *= carryGain;
                }
            }
        }
        int shutGate = switch (cell) {
            case RNN -> -1;
            case GRU -> CellWeights.UPDATE_GATE;
            case LSTM -> CellWeights.FORGET_GATE;
            case GRU_LINEAR_BEFORE_RESET -> throw untrainable();
        };
        for (int unit = 0; shutGate >= 0 && unit < hidden; unit++) {
            bias[0][shutGate * hidden + unit] = SHUT_GATE_BIAS;
        }
        return new double[][][] {w, r, bias};
    }

    /**
     * {@code [1, H]}: 1 for the carry units (the first {@code rank}, which the next step reads), 0
     * for the others; only for a cell with a recurrent rank.
     */
    public SDVariable carryUnits() {
        if (rank == 0) {
            throw new IllegalStateException("a cell with full recurrent matrices has no carry units");
        }
        return sd.getVariable("carry_units");
    }

    /** The gate blocks trained, named in ONNX's order for the cell, without the shut gate. */
    private List<String> trainedGates() {
        return switch (cell) {
            case RNN -> List.of("h");
            case GRU -> List.of("r", "h");
            case LSTM -> List.of("i", "o", "c");
            case GRU_LINEAR_BEFORE_RESET -> throw untrainable();
        };
    }

    /** The ONNX gate block of each trained gate, in {@link #trainedGates()} order. */
    private int[] onnxBlocks() {
        return switch (cell) {
            case RNN -> new int[] {0};
            case GRU -> new int[] {CellWeights.RESET_GATE, CellWeights.CANDIDATE_GATE};
            case LSTM -> new int[] {CellWeights.INPUT_GATE, CellWeights.OUTPUT_GATE, CellWeights.CELL_GATE};
            case GRU_LINEAR_BEFORE_RESET -> throw untrainable();
        };
    }

    private IllegalStateException untrainable() {
        return new IllegalStateException(cell.metadataName() + " is imported, never trained ("
                + "TrainingConfig.TRAINABLE_CELLS)");
    }

    private SDVariable gate(String gate, SDVariable x, SDVariable h) {
        SDVariable z = x.mmul(sd.getVariable("W_" + gate)).add(sd.getVariable("b_" + gate));
        if (h == null) {
            return gained(z);
        }
        return gained(z.add(rank > 0 ? h.mmul(sd.getVariable("V")).mmul(sd.getVariable("U_" + gate))
                : h.mmul(sd.getVariable("R_" + gate))));
    }

    private SDVariable gained(SDVariable preactivation) {
        return rank > 0 && carryGain != 1 ? preactivation.mul(sd.getVariable("carry_gain")) : preactivation;
    }

    private static void scale(double[] values, double factor) {
        for (int k = 0; k < values.length; k++) {
            values[k] *= factor;
        }
    }

    /** Glorot-uniform values for a {@code rows × columns} variable. */
    public static INDArray uniform(Random random, int rows, int columns, int fanIn) {
        float[] values = new float[rows * columns];
        double limit = Math.sqrt(6.0 / (fanIn + columns));
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT);
    }
}
