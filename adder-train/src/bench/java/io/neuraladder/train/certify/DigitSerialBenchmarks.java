package io.neuraladder.train.certify;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.export.OnnxExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Single int adds and batches of 10^6 int pairs through the binary API on a digit-serial model
 * whose radix is a power of two (8 steps per int in radix 16). Run it in one JMH invocation with
 * {@code io.neuraladder.bench.AdderBenchmarks}' Identity floor and default-model benchmarks, so the
 * ratios come from one run. {@code hexModel} names a model file, by default the shipped trained
 * radix-16 RNN; {@value #HAND_BUILT} builds the hand-built 31-unit radix-16 threshold RNN of
 * {@link HandBuiltDigitAdder} (certified, like a shipped model) instead. See docs/performance.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DigitSerialBenchmarks {

    /** Pairs per batch benchmark, as in {@code AdderBenchmarks}. */
    public static final int BATCH = 1_000_000;
    private static final int SINGLES = 1024;

    /** The {@code hexModel} value that builds the hand-built radix-16 RNN. */
    public static final String HAND_BUILT = "hand-built";

    @Param({"../models/radix16/adder-radix16.onnx"})
    public String hexModel;

    private Adder oneThread;
    private Adder twoThreads;
    private int[] a;
    private int[] b;
    private int[] sums;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path file = hexModel.equals(HAND_BUILT) ? handBuilt() : Path.of(hexModel);
        oneThread = NeuralAdder.builder().model(file).intraOpThreads(1).build();
        twoThreads = NeuralAdder.builder().model(file).intraOpThreads(2).build();
        SplittableRandom random = new SplittableRandom(1);
        a = random.ints(BATCH).toArray();
        b = random.ints(BATCH).toArray();
        sums = new int[BATCH];
    }

    private static Path handBuilt() throws IOException {
        CellWeights weights = CellWeights.fromModel(OnnxExport.toModel(HandBuiltDigitAdder.weights(16),
                Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION, MetadataKey.OPERATOR,
                        ModelContract.OPERATOR_ADD)), "hand-built");
        Map<MetadataKey, String> metadata = new EnumMap<>(MetadataKey.class);
        metadata.put(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        metadata.put(MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD);
        metadata.put(MetadataKey.RADIX, "16");
        metadata.putAll(new CarryCertifier(weights).certify().metadata());
        Path file = Files.createTempFile("hand-built-radix16", ".onnx");
        file.toFile().deleteOnExit();
        return Files.write(file, OnnxExport.toModel(weights, metadata).toByteArray());
    }

    @TearDown(Level.Trial)
    public void close() {
        oneThread.close();
        twoThreads.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_digitSerial() {
        next = (next + 1) & (SINGLES - 1);
        return oneThread.addWrapping(a[next], b[next]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int[] batch_digitSerial_oneThread() {
        oneThread.addWrapping(a, b, sums);
        return sums;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int[] batch_digitSerial_twoThreads() {
        twoThreads.addWrapping(a, b, sums);
        return sums;
    }
}
