package io.neuraladder.train.export;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.AdderNetwork;
import io.neuraladder.train.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * <p>DL4J and ONNX lay out LSTM parameters differently. DL4J: {@code W [nIn, 4H]},
 * {@code RW [H, 4H]}, {@code b [4H]}, gate blocks ordered (cell candidate, forget, output,
 * input). ONNX: {@code W [1, 4H, nIn]}, {@code R [1, 4H, H]}, {@code B [1, 8H]} (input biases, then
 * recurrent biases), gate blocks ordered (input, output, forget, cell). The parity test runs both on
 * the same sequences.
 */
public final class OnnxExport {

    /** The ONNX operator set the graph is written against. */
    public static final long OPSET = 14;

    /** The ONNX IR version matching {@link #OPSET}. */
    public static final long IR_VERSION = 7;

    /** The producer name written into every model. */
    public static final String PRODUCER = "neural-adder-train";

    /** For each ONNX gate block (i, o, f, c), the DL4J block (c, f, o, i) that holds it. */
    private static final int[] DL4J_BLOCK_OF_ONNX_GATE = {3, 2, 1, 0};

    private OnnxExport() {}

    /** Serializes {@code network}, trained with {@code config}, as ONNX model bytes. */
    public static byte[] toBytes(MultiLayerNetwork network, TrainingConfig config) {
        return toModel(network, config).toByteArray();
    }

    /** Writes {@code network}, trained with {@code config}, to {@code file}. */
    public static void write(MultiLayerNetwork network, TrainingConfig config, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(file, toBytes(network, config));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ONNX model to " + file, e);
        }
    }

    static ModelProto toModel(MultiLayerNetwork network, TrainingConfig config) {
        AdderNetwork.Parameters p = AdderNetwork.parameters(network);
        int hidden = p.hiddenSize();
        int inputs = ModelContract.INPUT_FEATURES;
        OnnxGraphBuilder graph = new OnnxGraphBuilder("neural_adder_lstm");

        String x = graph.floatInput(ModelContract.INPUT_NAME,
                ModelContract.STEPS_DIMENSION, ModelContract.BATCH_DIMENSION, inputs);
        String w = graph.floatInitializer("lstm_W", gateMajor(p.inputWeights(), hidden), 1, 4L * hidden, inputs);
        String r = graph.floatInitializer("lstm_R", gateMajor(p.recurrentWeights(), hidden), 1, 4L * hidden, hidden);
        String b = graph.floatInitializer("lstm_B", biases(p.lstmBias(), hidden), 1, 8L * hidden);
        String y = graph.node(OnnxOperator.LSTM, null, List.of(x, w, r, b),
                OnnxGraphBuilder.intAttribute("hidden_size", hidden),
                OnnxGraphBuilder.stringAttribute("direction", "forward"));
        String axes = graph.longInitializer("direction_axis", new long[] {1}, 1);
        String states = graph.node(OnnxOperator.SQUEEZE, null, List.of(y, axes));
        String wOut = graph.floatInitializer("dense_W", p.outputWeights().dup('c').data().asFloat(), hidden,
                ModelContract.OUTPUT_FEATURES);
        String bOut = graph.floatInitializer("dense_b", p.outputBias().ravel().toFloatVector(),
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
                        + "first, with a " + hidden + "-unit LSTM trained by Deeplearning4j")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph.build());
        metadata(config, hidden).forEach((key, value) ->
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

    /** Reorders a DL4J {@code [rows, 4H]} weight matrix to ONNX's {@code [4H, rows]}, gate blocks i, o, f, c. */
    private static float[] gateMajor(INDArray dl4j, int hidden) {
        int rows = (int) dl4j.size(0);
        float[] onnx = new float[4 * hidden * rows];
        for (int gate = 0; gate < 4; gate++) {
            for (int unit = 0; unit < hidden; unit++) {
                int column = DL4J_BLOCK_OF_ONNX_GATE[gate] * hidden + unit;
                for (int row = 0; row < rows; row++) {
                    onnx[(gate * hidden + unit) * rows + row] = dl4j.getFloat(row, column);
                }
            }
        }
        return onnx;
    }

    /** DL4J's one bias vector ({@code [4H]} or {@code [1, 4H]}) as ONNX's input biases, then zero recurrent biases. */
    private static float[] biases(INDArray dl4j, int hidden) {
        float[] bias = dl4j.ravel().toFloatVector();
        float[] onnx = new float[8 * hidden];
        for (int gate = 0; gate < 4; gate++) {
            for (int unit = 0; unit < hidden; unit++) {
                onnx[gate * hidden + unit] = bias[DL4J_BLOCK_OF_ONNX_GATE[gate] * hidden + unit];
            }
        }
        return onnx;
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
