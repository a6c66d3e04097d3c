package io.neuraladder.engine;

import static io.neuraladder.engine.DerivedGraph.floats;
import static io.neuraladder.engine.DerivedGraph.longs;
import static io.neuraladder.engine.DerivedGraph.model;
import static io.neuraladder.engine.DerivedGraph.node;
import static io.neuraladder.engine.DerivedGraph.recurrentNode;
import static io.neuraladder.engine.DerivedGraph.value;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.load.ModelWeights;
import io.neuraladder.load.StructureCheck;
import java.util.List;

/**
 * Sums of {@code 2^levels} terms per item, each pair of them added by the checked binary adder's
 * own cell, level after level, in one ONNX Runtime run: the graph behind multiplication.
 *
 * <pre>
 * terms [steps, items·2^(levels−1), 2] (pairs of terms' bits, item after item)
 *   level 1..levels: Reshape [steps, −1, 2p] -> RNN | GRU | LSTM (the adder's cell, packed p pairs per row)
 *     -> Squeeze -> MatMul -> Greater −b (the adder's logit is positive) -> Cast float   (each sum's bits)
 *   -> Reshape [steps, items, 1]
 * </pre>
 *
 * Between levels the sums' bits are read as {@link LogitGraph}'s are (a bit is 1 where the logit
 * is positive) and paired again, consecutive sums first: this is wiring; every bit of every sum is
 * the certified cell's, on inputs of 0 and 1 exactly as the model contract feeds them. Built from
 * weights {@link StructureCheck} has checked, never from file bytes, and self-tested before use.
 */
final class SumTreeGraph {

    /** The graph's output: each item's sum, bit by bit, as 0 or 1. */
    static final String OUTPUT_NAME = "sum_bits";

    private SumTreeGraph() {}

    /**
     * The graph's bytes for a model running {@code cell}: {@code levels} levels of additions,
     * {@code p} pairs packed to a row (the batch of items must then be a multiple of {@code p}).
     */
    static byte[] of(ModelWeights weights, CellType cell, int levels, int p) {
        PackedGraph.Packed packed = PackedGraph.Packed.of(weights, cell, p);
        int gates = cell.gates();
        int hidden = packed.hidden();
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName("neural_adder_sum_tree")
                .addInput(value(ModelContract.INPUT_NAME, ModelContract.INPUT_FEATURES))
                .addOutput(value(OUTPUT_NAME, 1))
                .addInitializer(floats("W", packed.w(), 1, (long) gates * hidden, (long) ModelContract.INPUT_FEATURES * p))
                .addInitializer(floats("R", packed.r(), 1, (long) gates * hidden, hidden))
                .addInitializer(floats("B", packed.b(), 1, 2L * gates * hidden))
                .addInitializer(floats("dense_W", packed.denseW(), hidden, p))
                .addInitializer(floats("negated_b", negated(packed.denseB()), p))
                .addInitializer(longs("axes", 1))
                .addInitializer(longs("pair_shape", 0, -1, 2L * p))
                .addInitializer(longs("item_shape", 0, -1, 1));
        String input = ModelContract.INPUT_NAME;
        for (int level = 1; level <= levels; level++) {
            String l = "_" + level;
            graph.addNode(node("Reshape", List.of(input, "pair_shape"), "pairs" + l))
                    .addNode(recurrentNode(cell, List.of("pairs" + l, "W", "R", "B"), "y" + l, hidden))
                    .addNode(node("Squeeze", List.of("y" + l, "axes"), "states" + l))
                    .addNode(node("MatMul", List.of("states" + l, "dense_W"), "products" + l))
                    .addNode(node("Greater", List.of("products" + l, "negated_b"), "ones" + l))
                    .addNode(cast("ones" + l, "bits" + l));
            input = "bits" + l;
        }
        graph.addNode(node("Reshape", List.of(input, "item_shape"), OUTPUT_NAME));
        return model(graph.build()).toByteArray();
    }

    /**
     * The graph's bytes for a model running {@code cell}, for few items: each item's {@code 2^levels}
     * terms in one row ({@code [steps, items, 2^levels]}, term {@code k} at feature {@code k}), each
     * level's pairs packed into that row ({@code 2^(levels−ℓ)} pairs at level ℓ), so that a level
     * costs one row-step per step, not one per pair, and needs no reshaping: level ℓ's sums are
     * level ℓ+1's pairs, in place.
     */
    static byte[] perItem(ModelWeights weights, CellType cell, int levels) {
        int gates = cell.gates();
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName("neural_adder_sum_tree_per_item")
                .addInput(value(ModelContract.INPUT_NAME, 1 << levels))
                .addOutput(value(OUTPUT_NAME, 1))
                .addInitializer(longs("axes", 1));
        String input = ModelContract.INPUT_NAME;
        for (int level = 1; level <= levels; level++) {
            int p = 1 << (levels - level);
            PackedGraph.Packed packed = PackedGraph.Packed.of(weights, cell, p);
            int hidden = packed.hidden();
            String l = "_" + level;
            graph.addInitializer(floats("W" + l, packed.w(), 1, (long) gates * hidden,
                            (long) ModelContract.INPUT_FEATURES * p))
                    .addInitializer(floats("R" + l, packed.r(), 1, (long) gates * hidden, hidden))
                    .addInitializer(floats("B" + l, packed.b(), 1, 2L * gates * hidden))
                    .addInitializer(floats("dense_W" + l, packed.denseW(), hidden, p))
                    .addInitializer(floats("negated_b" + l, negated(packed.denseB()), p))
                    .addNode(recurrentNode(cell, List.of(input, "W" + l, "R" + l, "B" + l), "y" + l, hidden))
                    .addNode(node("Squeeze", List.of("y" + l, "axes"), "states" + l))
                    .addNode(node("MatMul", List.of("states" + l, "dense_W" + l), "products" + l))
                    .addNode(node("Greater", List.of("products" + l, "negated_b" + l), "ones" + l))
                    .addNode(cast("ones" + l, level == levels ? OUTPUT_NAME : "bits" + l));
            input = "bits" + l;
        }
        return model(graph.build()).toByteArray();
    }

    /**
     * The output biases negated, exactly: a logit {@code x + b} is positive exactly when
     * {@code x > −b} in float arithmetic (the exact sum of two floats is a multiple of the smaller
     * one's ulp, so it never rounds to zero from either side), which saves a node per level.
     */
    private static float[] negated(float[] biases) {
        float[] negated = new float[biases.length];
        for (int k = 0; k < biases.length; k++) {
            negated[k] = -biases[k];
        }
        return negated;
    }

    private static NodeProto cast(String input, String output) {
        return node("Cast", List.of(input), output).toBuilder()
                .addAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT)
                        .setI(TensorProto.DataType.FLOAT_VALUE))
                .build();
    }
}
