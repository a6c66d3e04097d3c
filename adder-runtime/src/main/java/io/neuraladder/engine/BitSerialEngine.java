package io.neuraladder.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.neuraladder.api.ExecutionProvider;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.load.ModelLoad;
import io.neuraladder.load.ModelSource;
import io.neuraladder.load.SelfTest;
import io.neuraladder.load.StructureCheck;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded bit-serial model of an operator: an ONNX Runtime session whose file passed the
 * {@link StructureCheck} before ONNX Runtime saw it (for operands of any width), and two sessions
 * built from the same checked weights: {@link LogitGraph} for single calls and {@link PackedGraph}
 * for batches. All three passed the operator's self-test unless that was skipped. It computes
 * wrapped results, and exact {@code BigInteger} ones through {@link BigIntegerRuns}; the front ends
 * add the public contracts.
 *
 * <p>Calls share the sessions (ONNX Runtime's {@code run} is thread-safe) and hold a read lock;
 * {@link #close()} takes the write lock, so no session is closed while a call is inside
 * {@code run}, which would crash the process. Per-call buffers come from pools that grow to the
 * number of concurrent callers.
 */
public final class BitSerialEngine implements OperatorEngine {

    private static final Logger log = LoggerFactory.getLogger(BitSerialEngine.class);

    private final OrtSession session;
    private final OrtSession singleSession;
    private final OrtSession batchSession;
    private final ModelInfo model;
    private final SessionLifecycle lifecycle;
    private final SumTrees sumTrees;
    private final BigIntegerRuns bigIntegers;
    private final Queue<SingleCall> idleSingles = new ConcurrentLinkedQueue<>();
    private final Queue<BatchCall> idleBatches = new ConcurrentLinkedQueue<>();

    /** Serves {@code load}, a bit-serial model, with the two graphs derived from its checked weights. */
    public BitSerialEngine(ModelLoad load) {
        ModelSource source = load.source();
        StructureCheck.CheckedModel checked = load.checked();
        ExecutionProvider provider = load.options().provider();
        int intraOpThreads = load.options().intraOpThreads();
        this.lifecycle = new SessionLifecycle(source.name(), () -> new ClosedException("the engine for model "
                + source.name() + " is closed; open a new one"));
        this.model = load.info();
        this.session = Sessions.create(source, provider, intraOpThreads);
        this.sumTrees = new SumTrees(source.name(), checked.weights(), checked.cell(), load.options());
        this.bigIntegers = new BigIntegerRuns(load.operator(), this::runGraph);
        OrtSession single = null;
        OrtSession packed = null;
        try {
            ModelSource logits = new ModelSource(source.name() + " (logits for single adds)",
                    LogitGraph.of(checked.weights(), checked.cell()));
            ModelSource batches = new ModelSource(source.name() + " (packed for batches)",
                    PackedGraph.of(checked.weights(), checked.cell()));
            single = Sessions.create(logits, provider, intraOpThreads);
            packed = Sessions.create(batches, provider, load.options().batchThreads());
            if (load.options().selfTest()) {
                Operator operator = load.operator();
                selfTest(source.name(), operator, session, new BatchCall(1));
                selfTestLogits(logits.name(), operator, single);
                selfTest(batches.name(), operator, packed, new BatchCall(PackedGraph.PAIRS_PER_ROW));
            }
        } catch (OrtException | RuntimeException e) {
            Sessions.close(packed);
            Sessions.close(single);
            Sessions.close(session);
            throw e instanceof ModelLoadException refusal ? refusal
                    : new ModelLoadException("model " + source.name() + " could not be run: " + e.getMessage(), e);
        }
        this.singleSession = single;
        this.batchSession = packed;
        log.info("loaded model {} (sha256 {}, {}; certificate {})", source.name(), source.sha256(), model.metadata(),
                model.certificateCheck().map(Object::toString).orElse("not checked"));
    }

    private static void selfTest(String name, Operator operator, OrtSession session, BatchCall call)
            throws OrtException {
        SelfTest.verify(name, operator, call.probabilities(Sessions.environment(), session, SelfTest.CASES.a(),
                SelfTest.CASES.b(), SelfTest.CASES.size()));
    }

    private static void selfTestLogits(String name, Operator operator, OrtSession logitGraph) throws OrtException {
        int n = SelfTest.CASES.size();
        FloatBuffer input = ByteBuffer.allocateDirect(BitCodec.inputSize(n) * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        BitCodec.encode(SelfTest.CASES.a(), SelfTest.CASES.b(), 0, n, input);
        try (OnnxTensor tensor = OnnxTensor.createTensor(Sessions.environment(), input, BitCodec.inputShape(n));
                OrtSession.Result result = logitGraph.run(Map.of(ModelContract.INPUT_NAME, tensor))) {
            FloatBuffer logits = ((OnnxTensor) result.get(0)).getFloatBuffer();
            SelfTest.verifyLogits(name, operator, logits, i -> LogitGraph.decode(logits, n, i));
        }
    }

    @Override
    public ModelInfo model() {
        return model;
    }

    @Override
    public int wrapped(int a, int b) {
        return lifecycle.run("compute one pair", () -> {
            SingleCall call = idleSingles.poll();
            if (call == null) {
                call = new SingleCall(Sessions.environment());
            }
            try {
                return call.wrapped(singleSession, a, b);
            } finally {
                idleSingles.offer(call);
            }
        });
    }

    @Override
    public long wrapped(long a, long b) {
        float[] input = new float[Long.SIZE * ModelContract.INPUT_FEATURES];
        BitCodec.encode(a, b, FloatBuffer.wrap(input));
        return BitCodec.decodeLong(FloatBuffer.wrap(runGraph(false, input, Long.SIZE, 1)));
    }

    @Override
    public BigInteger exact(BigInteger a, BigInteger b) {
        return bigIntegers.exact(a, b);
    }

    @Override
    public void wrapped(int[] a, int[] b, int[] sums) {
        batch("compute " + a.length + " int pairs", (call, env) -> call.wrapped(env, batchSession, a, b, sums));
    }

    @Override
    public void wrapped(long[] a, long[] b, long[] sums) {
        batch("compute " + a.length + " long pairs", (call, env) -> call.wrapped(env, batchSession, a, b, sums));
    }

    @Override
    public BigInteger[] exact(BigInteger[] a, BigInteger[] b) {
        return bigIntegers.exact(a, b);
    }

    /**
     * Runs a {@code [steps, count, 2]} input on the file's graph or the packed one ({@code count} a
     * multiple of its pairs per row) and returns its {@code [steps, count, 1]} probabilities.
     */
    private float[] runGraph(boolean packed, float[] input, int steps, int count) {
        OrtSession graph = packed ? batchSession : session;
        return lifecycle.run("compute " + count + " pairs of " + steps + " bits", () -> {
            try (OnnxTensor tensor = OnnxTensor.createTensor(Sessions.environment(), FloatBuffer.wrap(input),
                    new long[] {steps, count, ModelContract.INPUT_FEATURES});
                    OrtSession.Result result = graph.run(Map.of(ModelContract.INPUT_NAME, tensor))) {
                FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] probabilities = new float[output.remaining()];
                output.get(probabilities);
                return probabilities;
            }
        });
    }

    @Override
    public long[] sums(long[] terms, int levels, int steps) {
        return lifecycle.run("sum " + terms.length + " terms", () -> sumTrees.sums(terms, levels, steps));
    }

    /** A batch operation on pooled buffers. */
    private interface BatchOperation {
        void run(BatchCall call, OrtEnvironment environment) throws OrtException;
    }

    private void batch(String what, BatchOperation operation) {
        lifecycle.run(what, () -> {
            BatchCall call = idleBatches.poll();
            if (call == null) {
                call = new BatchCall(PackedGraph.PAIRS_PER_ROW);
            }
            try {
                operation.run(call, Sessions.environment());
            } finally {
                idleBatches.offer(call);
            }
            return null;
        });
    }

    /** Closes the session once every call in flight has finished. Idempotent. */
    @Override
    public void close() {
        lifecycle.close(() -> {
            for (SingleCall call; (call = idleSingles.poll()) != null; ) {
                call.close();
            }
            idleBatches.clear();
            sumTrees.close();
            Sessions.close(batchSession);
            Sessions.close(singleSession);
            Sessions.close(session);
            log.debug("closed model {}", model.source());
        });
    }
}
