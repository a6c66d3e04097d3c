package io.neuraladder.engine;

import static io.neuraladder.engine.DerivedGraph.floats;
import static io.neuraladder.engine.DerivedGraph.longs;
import static io.neuraladder.engine.DerivedGraph.model;
import static io.neuraladder.engine.DerivedGraph.node;
import static io.neuraladder.engine.DerivedGraph.recurrentNode;
import static io.neuraladder.engine.DerivedGraph.value;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.load.ModelWeights;
import io.neuraladder.load.StructureCheck;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Rewrites a checked model for single adds: the same cell and output layer, ending at each step's
 * logit instead of its probability.
 *
 * <pre>
 * operand_bits [steps, batch, 2] -> RNN | GRU | LSTM -> Reshape [steps·batch, H]
 *   -> Gemm (W_out [H, 1], b_out) -> sum_bit_logit [steps·batch, 1]
 * </pre>
 *
 * <p>ONNX Runtime costs a few tenths of a µs per node and run in a single add, where the file's
 * graph spends about 10 µs in all. Here the Sigmoid (a monotone map, which the 0.5 threshold
 * undoes) goes, and one Gemm does the output layer's MatMul and Add: about 0.5 µs less per add
 * (docs/performance.md). The logits are the file graph's up to float rounding (Gemm adds the bias
 * first); a sum bit is 1 where its logit is positive, which is where the file's probability
 * exceeds 0.5 except for logits within about 1e-6 of 0, which a certified model's margin rules
 * out. Built here from weights {@link StructureCheck} has checked, never from file bytes, and
 * self-tested like the original.
 */
final class LogitGraph {

    /** The graph's output: every step's sum-bit logit. */
    static final String OUTPUT_NAME = "sum_bit_logit";

    private LogitGraph() {}

    /** The logit graph's bytes, for a model running {@code cell} that passed {@link StructureCheck}. */
    static byte[] of(ModelWeights weights, CellType cell) {
        int hidden = weights.hidden();
        int gates = cell.gates();
        GraphProto graph = GraphProto.newBuilder()
                .setName("neural_adder_logits")
                .addInput(value(ModelContract.INPUT_NAME, ModelContract.INPUT_FEATURES))
                .addOutput(output())
                .addInitializer(floats("W", weights.w(), 1, (long) gates * hidden, ModelContract.INPUT_FEATURES))
                .addInitializer(floats("R", weights.r(), 1, (long) gates * hidden, hidden))
                .addInitializer(floats("B", weights.b(), 1, 2L * gates * hidden))
                .addInitializer(floats("dense_W", weights.denseW(), hidden, 1))
                .addInitializer(floats("dense_b", weights.denseB(), 1))
                .addInitializer(longs("flat_shape", -1, hidden))
                .addNode(recurrentNode(cell, ModelContract.INPUT_NAME, hidden))
                .addNode(node("Reshape", List.of("y", "flat_shape"), "states"))
                .addNode(node("Gemm", List.of("states", "dense_W", "dense_b"), OUTPUT_NAME))
                .build();
        return model(graph).toByteArray();
    }

    /** The shape of {@code count} pairs' logits: {@code [32·count, 1]}, step after step. */
    static long[] outputShape(int count) {
        return new long[] {(long) ModelContract.INT_STEPS * count, 1};
    }

    /** Decodes the 32-bit sum of pair {@code i} of {@code count} from their logits. */
    static int decode(FloatBuffer logits, int count, int i) {
        int sum = 0;
        for (int t = 0; t < ModelContract.INT_STEPS; t++) {
            if (logits.get(t * count + i) > 0) {
                sum |= 1 << t;
            }
        }
        return sum;
    }

    private static ValueInfoProto output() {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("steps_times_batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                .build();
        return ValueInfoProto.newBuilder().setName(OUTPUT_NAME).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
