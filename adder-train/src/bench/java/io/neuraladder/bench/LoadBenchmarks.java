package io.neuraladder.bench;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.CertificateCheck;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.Operator;
import io.neuraladder.proof.CellParameters;
import io.neuraladder.proof.CertificateChecker;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.CertificateVerifier;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the certificate check costs at load, beside the whole load it is part of, per shipped
 * model: {@code open} (read, structure check, certificate check, ONNX Runtime sessions,
 * self-test, close), {@code checkCertificate} (read, structure check, certificate check, no
 * session) and {@code check} (the certificate check alone, on weights parsed beforehand). Run
 * warm ({@code -bm avgt}) and cold ({@code -bm ss}: one load per fresh JVM); see
 * docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoadBenchmarks {

    @Param({"../models/adder-lstm.onnx", "../models/adder-lstm-h3.onnx", "../models/adder-gru.onnx",
        "../models/adder-rnn.onnx", "../models/decimal/adder-decimal.onnx"})
    public String model;

    private Path file;
    private boolean decimal;
    private CellParameters weights;
    private String proof;

    @Setup
    public void parse() throws IOException {
        file = Path.of(model);
        decimal = model.contains("decimal");
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(tensor -> initializers.put(tensor.getName(), tensor));
        NodeProto cell = graph.getNode(0);
        float[] w = floats(initializers.get(cell.getInput(1)));
        float[] outputWeights = floats(initializers.get(graph.getNode(2).getInput(1)));
        float[] outputBias = floats(initializers.get(graph.getNode(3).getInput(1)));
        CellType type = CellWeights.cellOf(cell).orElseThrow();
        int hidden = outputWeights.length / outputBias.length;
        weights = new CellParameters(type, hidden, w.length / (type.gates() * hidden), outputBias.length, w,
                floats(initializers.get(cell.getInput(2))), floats(initializers.get(cell.getInput(3))), outputWeights,
                outputBias);
        proof = CertificateVerifier.embeddedProof(model).orElseThrow();
    }

    private static float[] floats(TensorProto tensor) {
        FloatBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[raw.remaining() > 0 ? raw.remaining() : tensor.getFloatDataCount()];
        if (raw.remaining() > 0) {
            raw.get(values);
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = tensor.getFloatData(i);
            }
        }
        return values;
    }

    @Benchmark
    public Object open() {
        if (decimal) {
            try (var adder = NeuralAdder.openDecimal(file)) {
                return adder.model();
            }
        }
        try (var adder = NeuralAdder.open(file)) {
            return adder.model();
        }
    }

    @Benchmark
    public CertificateCheck check() {
        return CertificateChecker.check(weights, proof, Operator.ADD);
    }

    @Benchmark
    public CertificateCheck checkCertificate() {
        return NeuralAdder.checkCertificate(file);
    }
}
