package io.neuraladder.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.AdderNetwork;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single adds and batches side by side, with the peers: {@code Math.addExact} (the floor), an
 * ONNX Runtime run of an Identity graph of the same input shape (ONNX Runtime's own floor from
 * Java), DL4J's inference of the same weights, and a plain-Java double forward pass. See
 * docs/performance.md for the command and the results.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class AdderBenchmarks {

    /** Pairs per batch benchmark. */
    public static final int BATCH = 1_000_000;
    private static final int SINGLES = 1024;

    @Param({"../models/adder-lstm.onnx"})
    public String model;

    private Adder oneThread;
    private Adder twoThreads;
    private RecurrentCell cell;
    private MultiLayerNetwork dl4j;
    private OrtSession identity;
    private OnnxTensor identityInput;
    private OnnxTensor identityOutput;
    private FloatBuffer identityBuffer;
    private int[] a;
    private int[] b;
    private int[] sums;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException, OrtException {
        oneThread = NeuralAdder.builder().model(Path.of(model)).intraOpThreads(1).build();
        twoThreads = NeuralAdder.builder().model(Path.of(model)).intraOpThreads(2).build();
        CellWeights weights = CellWeights.read(Path.of(model));
        cell = RecurrentCell.of(weights);
        dl4j = weights.cell() == CellType.LSTM ? AdderNetwork.of(weights) : null;
        SplittableRandom random = new SplittableRandom(1);
        a = random.ints(BATCH).toArray();
        b = random.ints(BATCH).toArray();
        sums = new int[BATCH];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        identity = env.createSession(identityModel().toByteArray());
        identityBuffer = ByteBuffer.allocateDirect(BitCodec.inputSize(1) * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        identityInput = OnnxTensor.createTensor(env, identityBuffer, BitCodec.inputShape(1));
        identityOutput = OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(BitCodec.inputSize(1) * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer(), BitCodec.inputShape(1));
    }

    @TearDown(Level.Trial)
    public void close() throws OrtException {
        oneThread.close();
        twoThreads.close();
        identityInput.close();
        identityOutput.close();
        identity.close();
    }

    private int nextIndex() {
        next = (next + 1) & (SINGLES - 1);
        return next;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_mathAddExact() {
        int i = nextIndex();
        return Math.addExact(a[i] >> 1, b[i] >> 1);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float single_onnxRuntimeIdentityFloor() throws OrtException {
        int i = nextIndex();
        BitCodec.encode(a[i], b[i], identityBuffer);
        try (OrtSession.Result ignored = identity.run(Map.of(ModelContract.INPUT_NAME, identityInput),
                Map.of(ModelContract.OUTPUT_NAME, identityOutput))) {
            return identityBuffer.get(0);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_neuralAdder() {
        int i = nextIndex();
        return oneThread.addWrapping(a[i], b[i]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_plainJavaForward() {
        int i = nextIndex();
        return cell.addWrapping(a[i], b[i], ModelContract.INT_STEPS);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public INDArray single_dl4jInference() {
        int i = nextIndex();
        float[] x = new float[2 * ModelContract.INT_STEPS];
        for (int t = 0; t < ModelContract.INT_STEPS; t++) {
            x[t] = BitCodec.bit(a[i], t);
            x[ModelContract.INT_STEPS + t] = BitCodec.bit(b[i], t);
        }
        return dl4j.output(Nd4j.create(x, new long[] {1, 2, ModelContract.INT_STEPS}, DataType.FLOAT));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int[] batch_neuralAdder_oneThread() {
        oneThread.addWrapping(a, b, sums);
        return sums;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int[] batch_neuralAdder_twoThreads() {
        twoThreads.addWrapping(a, b, sums);
        return sums;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int[] batch_mathAddExact() {
        for (int i = 0; i < BATCH; i++) {
            sums[i] = Math.addExact(a[i] >> 1, b[i] >> 1);
        }
        return sums;
    }

    private static final int DL4J_CHUNK = 16_384;

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public float batch_dl4jInference() {
        float sink = 0;
        int steps = ModelContract.INT_STEPS;
        float[] x = new float[DL4J_CHUNK * 2 * steps];
        for (int from = 0; from < BATCH; from += DL4J_CHUNK) {
            int count = Math.min(DL4J_CHUNK, BATCH - from);
            for (int n = 0; n < count; n++) {
                for (int t = 0; t < steps; t++) {
                    x[(2 * n) * steps + t] = BitCodec.bit(a[from + n], t);
                    x[(2 * n + 1) * steps + t] = BitCodec.bit(b[from + n], t);
                }
            }
            INDArray input = Nd4j.create(x, new long[] {DL4J_CHUNK, 2, steps}, DataType.FLOAT);
            sink += dl4j.output(input).getFloat(0);
        }
        return sink;
    }

    /**
     * Where a single add's time goes: the model file's graph, and its recurrent node alone, run for
     * {@code steps} steps (the contract has 32) raw through ONNX Runtime with a reused input and a
     * pinned output.
     */
    @State(Scope.Benchmark)
    public static class GraphSteps {

        @Param({"1", "8", "32"})
        public int steps;

        private OrtSession graph;
        private OrtSession recurrentNodeOnly;
        private FloatBuffer inputBuffer;
        private Map<String, OnnxTensor> inputs;
        private Map<String, OnnxTensor> graphOutput;
        private Map<String, OnnxTensor> recurrentOutput;
        private final List<AutoCloseable> resources = new ArrayList<>();

        @Setup(Level.Trial)
        public void load(AdderBenchmarks benchmark) throws IOException, OrtException {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            ModelProto model = ModelProto.parseFrom(Files.readAllBytes(Path.of(benchmark.model)));
            NodeProto recurrent = model.getGraph().getNodeList().stream()
                    .filter(node -> CellWeights.cellOf(node).isPresent()).findFirst().orElseThrow();
            int hidden = CellWeights.fromModel(model, benchmark.model).hidden();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                graph = track(env.createSession(model.toByteArray(), options));
                recurrentNodeOnly = track(env.createSession(recurrentNodeOnly(model, recurrent).toByteArray(), options));
            }
            inputBuffer = directFloats(steps * ModelContract.INPUT_FEATURES);
            OnnxTensor input = track(OnnxTensor.createTensor(env, inputBuffer,
                    new long[] {steps, 1, ModelContract.INPUT_FEATURES}));
            inputs = Map.of(ModelContract.INPUT_NAME, input);
            graphOutput = Map.of(ModelContract.OUTPUT_NAME, track(OnnxTensor.createTensor(env, directFloats(steps),
                    new long[] {steps, 1, 1})));
            recurrentOutput = Map.of(recurrent.getOutput(0), track(OnnxTensor.createTensor(env,
                    directFloats(steps * hidden), new long[] {steps, 1, 1, hidden})));
        }

        private <T extends AutoCloseable> T track(T resource) {
            resources.add(resource);
            return resource;
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        }

        /** The model with its recurrent node's output {@code Y} as the graph's only output and no other node. */
        private static ModelProto recurrentNodeOnly(ModelProto model, NodeProto recurrent) {
            GraphProto.Builder graph = model.getGraph().toBuilder().clearNode().clearOutput().addNode(recurrent)
                    .addOutput(ValueInfoProto.newBuilder().setName(recurrent.getOutput(0))
                            .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                                    .setElemType(TensorProto.DataType.FLOAT_VALUE))));
            return model.toBuilder().setGraph(graph).build();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float single_onnxRuntimeModelGraph(GraphSteps state) throws OrtException {
        return runOnce(state, state.graph, state.graphOutput);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float single_onnxRuntimeRecurrentNodeOnly(GraphSteps state) throws OrtException {
        return runOnce(state, state.recurrentNodeOnly, state.recurrentOutput);
    }

    /** One run on the state's input, its first bit taken from the next operand. */
    private float runOnce(GraphSteps state, OrtSession session, Map<String, OnnxTensor> pinnedOutput)
            throws OrtException {
        state.inputBuffer.put(0, BitCodec.bit(a[nextIndex()], 0));
        try (OrtSession.Result ignored = session.run(state.inputs, pinnedOutput)) {
            return state.inputBuffer.get(0);
        }
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** An Identity graph over the contract's input shape: the cheapest run ONNX Runtime can do. */
    private static ModelProto identityModel() {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : BitCodec.inputShape(1)) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)).build();
        GraphProto graph = GraphProto.newBuilder()
                .setName("identity")
                .addInput(ValueInfoProto.newBuilder().setName(ModelContract.INPUT_NAME).setType(type))
                .addOutput(ValueInfoProto.newBuilder().setName(ModelContract.OUTPUT_NAME).setType(type))
                .addNode(NodeProto.newBuilder().setOpType("Identity").addInput(ModelContract.INPUT_NAME)
                        .addOutput(ModelContract.OUTPUT_NAME))
                .build();
        return ModelProto.newBuilder().setIrVersion(7)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(14))
                .setGraph(graph).build();
    }
}
