package io.neuraladder.train.export;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.AdderNetwork;
import io.neuraladder.train.LstmWeights;
import io.neuraladder.train.TrainingConfig;
import io.neuraladder.train.TrainingResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Exports a trained {@link AdderNetwork} as an ONNX model that follows {@link ModelContract}:
 * one standard {@code LSTM} node, then the per-step dense layer and sigmoid.
 *
 * <pre>
 * operand_bits [steps, batch, 2]
 *   -> LSTM(W, R, B, hidden_size = H)  Y [steps, 1, batch, H]
 *   -> Squeeze(axes = [1])              [steps, batch, H]
 *   -> MatMul(W_out [H, 1]) -> Add(b_out) -> Sigmoid
 *   -> sum_bit_probability [steps, batch, 1]
 * </pre>
 *
 * <p>DL4J and ONNX lay out LSTM parameters differently; {@link LstmWeights#fromDl4j} converts.
 * ONNX: {@code W [1, 4H, nIn]}, {@code R [1, 4H, H]}, {@code B [1, 8H]} (input biases, then
 * recurrent biases, written as zeros), gate blocks ordered (input, output, forget, cell). The parity
 * test runs DL4J and ONNX Runtime on the same sequences.
 */
public final class OnnxExport {

    /** The ONNX operator set the graph is written against. */
    public static final long OPSET = 14;

    /** The ONNX IR version matching {@link #OPSET}. */
    public static final long IR_VERSION = 7;

    /** The producer name written into every model. */
    public static final String PRODUCER = "neural-adder-train";

    private OnnxExport() {}

    /** Serializes a {@link TrainingConfig.Method#PLAIN} network, trained with {@code config}, as ONNX model bytes. */
    public static byte[] toBytes(MultiLayerNetwork network, TrainingConfig config) {
        return toModel(network, config).toByteArray();
    }

    /** Writes the result's weights, with its provenance and certificate as metadata, to {@code file}. */
    public static void write(TrainingResult result, Path file) {
        Map<MetadataKey, String> metadata = metadata(result.config(), result.weights().hidden());
        metadata.put(MetadataKey.CERTIFICATE, result.certificate().summary());
        write(toModel(result.weights(), metadata), file);
    }

    /** Writes {@code model} to {@code file}, creating its directory. */
    public static void write(ModelProto model, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, model.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ONNX model to " + file, e);
        }
    }

    static ModelProto toModel(MultiLayerNetwork network, TrainingConfig config) {
        LstmWeights weights = LstmWeights.fromDl4j(AdderNetwork.parameters(network));
        return toModel(weights, metadata(config, weights.hidden()));
    }

    /** The ONNX model computing {@code weights}, with {@code metadata} in its {@code metadata_props}. */
    public static ModelProto toModel(LstmWeights weights, Map<MetadataKey, String> metadata) {
        int hidden = weights.hidden();
        int inputs = ModelContract.INPUT_FEATURES;
        OnnxGraphBuilder graph = new OnnxGraphBuilder("neural_adder_lstm");

        String x = graph.floatInput(ModelContract.INPUT_NAME,
                ModelContract.STEPS_DIMENSION, ModelContract.BATCH_DIMENSION, inputs);
        String w = graph.floatInitializer("lstm_W", flatten(weights.inputWeights()), 1, 4L * hidden, inputs);
        String r = graph.floatInitializer("lstm_R", flatten(weights.recurrentWeights()), 1, 4L * hidden, hidden);
        float[] biases = new float[8 * hidden];
        for (int row = 0; row < 4 * hidden; row++) {
            biases[row] = (float) weights.bias()[row];
        }
        String b = graph.floatInitializer("lstm_B", biases, 1, 8L * hidden);
        String y = graph.node(OnnxOperator.LSTM, null, List.of(x, w, r, b),
                OnnxGraphBuilder.intAttribute("hidden_size", hidden),
                OnnxGraphBuilder.stringAttribute("direction", "forward"));
        String axes = graph.longInitializer("direction_axis", new long[] {1}, 1);
        String states = graph.node(OnnxOperator.SQUEEZE, null, List.of(y, axes));
        String wOut = graph.floatInitializer("dense_W", toFloats(weights.outputWeights()), hidden,
                ModelContract.OUTPUT_FEATURES);
        String bOut = graph.floatInitializer("dense_b", new float[] {(float) weights.outputBias()},
                ModelContract.OUTPUT_FEATURES);
        String logits = graph.node(OnnxOperator.ADD, null,
                List.of(graph.node(OnnxOperator.MATMUL, null, List.of(states, wOut)), bOut));
        graph.node(OnnxOperator.SIGMOID, ModelContract.OUTPUT_NAME, List.of(logits));
        graph.floatOutput(ModelContract.OUTPUT_NAME,
                ModelContract.STEPS_DIMENSION, ModelContract.BATCH_DIMENSION, ModelContract.OUTPUT_FEATURES);

        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .setProducerVersion(producerVersion())
                .setModelVersion(1)
                .setDocString("neural-adder: adds two's-complement integers bit by bit, least significant bit "
                        + "first, with a " + hidden + "-unit LSTM")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph.build());
        metadata.forEach((key, value) ->
                model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key.key()).setValue(value)));
        return model.build();
    }

    /** The metadata written into every exported model, in a stable order. */
    static Map<MetadataKey, String> metadata(TrainingConfig config, int hidden) {
        Map<MetadataKey, String> metadata = new LinkedHashMap<>();
        metadata.put(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        metadata.put(MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD);
        metadata.put(MetadataKey.CELL, CellType.LSTM.metadataName());
        metadata.put(MetadataKey.HIDDEN_SIZE, Integer.toString(hidden));
        metadata.put(MetadataKey.TRAINED_STEPS, Integer.toString(config.trainSteps()));
        metadata.put(MetadataKey.TRAINING_SEED, Long.toString(config.seed()));
        metadata.put(MetadataKey.PRODUCER_VERSION, PRODUCER + " " + producerVersion());
        return metadata;
    }

    private static float[] flatten(double[][] rows) {
        return toFloats(Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray());
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    static String producerVersion() {
        Properties properties = new Properties();
        try (InputStream in = OnnxExport.class.getResourceAsStream("/io/neuraladder/train/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the build's version.properties", e);
        }
        return properties.getProperty("version", "unknown");
    }
}
