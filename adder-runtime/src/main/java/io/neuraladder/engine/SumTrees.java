package io.neuraladder.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.neuraladder.api.ModelSelfTestException;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.load.LoadOptions;
import io.neuraladder.load.ModelSource;
import io.neuraladder.load.ModelWeights;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A bit-serial adder's {@link SumTreeGraph sum trees}, one ONNX Runtime session per depth and
 * packing, made on first use and self-tested then: 64-bit sums of {@code 2^levels} terms per item,
 * every bit computed by the adder's certified cell. Chunks bound each run's memory. Callers hold
 * the engine's {@link SessionLifecycle}; sessions are made under this object's lock.
 */
final class SumTrees implements AutoCloseable {

    /** Items per run, packed: bounds a run's buffers (a few tens of MB at 32 terms of 64 bits). */
    static final int ITEMS_PER_RUN = 2_048;

    private static final int WIDEST = Long.SIZE;

    /** Items up to which a run takes one row per item ({@link SumTreeGraph#perItem}) rather than packed pairs. */
    private static final int FEW = 4;
    private static final int PACKED = PackedGraph.PAIRS_PER_ROW;

    private final String source;
    private final ModelWeights weights;
    private final CellType cell;
    private final LoadOptions options;
    private final Map<Integer, OrtSession> sessions = new HashMap<>();

    SumTrees(String source, ModelWeights weights, CellType cell, LoadOptions options) {
        this.source = source;
        this.weights = weights;
        this.cell = cell;
        this.options = options;
    }

    /**
     * The sums, modulo 2^{@code steps} and read as {@code steps}-bit two's-complement numbers, of
     * each item's {@code 2^levels} terms ({@code terms} holds them item after item).
     */
    long[] sums(long[] terms, int levels, int steps) throws OrtException {
        int perItem = 1 << levels;
        int items = terms.length / perItem;
        long[] sums = new long[items];
        for (int from = 0; from < items; from += ITEMS_PER_RUN) {
            int count = Math.min(ITEMS_PER_RUN, items - from);
            int packing = count <= FEW ? 1 : PACKED;
            int padded = (count + packing - 1) / packing * packing;
            run(session(levels, packing), terms, from * perItem, count * perItem, padded * perItem, sums, from, count,
                    packing == 1 ? perItem : ModelContract.INPUT_FEATURES, steps);
        }
        return sums;
    }

    /**
     * Sums {@code length} terms from {@code offset}, zero-padded to {@code paddedLength}, into the
     * {@code count} items of {@code sums} from {@code to}; a row of the input holds {@code rowWidth} terms.
     */
    private void run(OrtSession tree, long[] terms, int offset, int length, int paddedLength, long[] sums, int to,
            int count, int rowWidth, int steps) throws OrtException {
        FloatBuffer input = FloatBuffer.allocate(steps * paddedLength);
        for (int i = 0; i < length; i++) {
            long term = terms[offset + i];
            for (int t = 0; t < steps; t++) {
                if ((term >>> t & 1) != 0) {
                    input.put(t * paddedLength + i, 1f);
                }
            }
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(Sessions.environment(), input,
                new long[] {steps, paddedLength / rowWidth, rowWidth});
                OrtSession.Result result = tree.run(Map.of(ModelContract.INPUT_NAME, tensor))) {
            FloatBuffer bits = ((OnnxTensor) result.get(0)).getFloatBuffer();
            int items = bits.remaining() / steps;
            for (int n = 0; n < count; n++) {
                long sum = 0;
                for (int t = 0; t < steps; t++) {
                    float bit = bits.get(t * items + n);
                    if (bit != 0 && bit != 1) {
                        throw new IllegalStateException("model " + source + "'s sum tree wrote " + bit + " for a bit");
                    }
                    sum |= (long) (int) bit << t;
                }
                sums[to + n] = TwosComplement.signExtended(sum, steps);
            }
        }
    }

    private synchronized OrtSession session(int levels, int packing) throws OrtException {
        OrtSession tree = sessions.get(levels * 16 + packing);
        if (tree == null) {
            ModelSource graph = new ModelSource(source + " (sum tree of " + (1 << levels) + " terms, "
                    + (packing == 1 ? "an item" : packing + " pairs") + " per row)", packing == 1
                    ? SumTreeGraph.perItem(weights, cell, levels) : SumTreeGraph.of(weights, cell, levels, packing));
            tree = Sessions.create(graph, options.provider(),
                    packing == 1 ? options.intraOpThreads() : options.batchThreads());
            try {
                if (options.selfTest()) {
                    selfTest(graph.name(), tree, levels, packing);
                }
            } catch (OrtException | RuntimeException e) {
                Sessions.close(tree);
                throw e;
            }
            sessions.put(levels * 16 + packing, tree);
        }
        return tree;
    }

    /** The tree must sum chain-heavy terms as Java's {@code +} does, mod 2^64, before it serves. */
    private void selfTest(String name, OrtSession tree, int levels, int packing) throws OrtException {
        int perItem = 1 << levels;
        int items = 2 * PACKED;
        SplittableRandom random = new SplittableRandom(0x7E57_5A3L + levels);
        long[] terms = new long[items * perItem];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = switch (i % 4) {
                case 0 -> -1L >>> random.nextInt(Long.SIZE);
                case 1 -> 1L << random.nextInt(Long.SIZE);
                case 2 -> random.nextLong();
                default -> -random.nextLong(1 << 20);
            };
        }
        long[] sums = new long[items];
        int length = packing == 1 ? perItem : items * perItem;
        for (int from = 0; from < items; from += length / perItem) {
            run(tree, terms, from * perItem, length, length, sums, from, length / perItem,
                    packing == 1 ? perItem : ModelContract.INPUT_FEATURES, WIDEST);
        }
        for (int n = 0; n < items; n++) {
            long expected = 0;
            for (int k = 0; k < perItem; k++) {
                expected += terms[n * perItem + k];
            }
            if (sums[n] != expected) {
                throw new ModelSelfTestException("model " + name + " failed its load-time self-test: the sum of "
                        + perItem + " terms came out " + sums[n] + ", not " + expected + ". Refusing to multiply with it");
            }
        }
    }

    @Override
    public synchronized void close() {
        sessions.values().forEach(Sessions::close);
        sessions.clear();
    }
}
