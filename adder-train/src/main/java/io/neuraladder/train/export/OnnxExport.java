package io.neuraladder.train.export;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.TrainingConfig;
import io.neuraladder.train.TrainingResult;
import io.neuraladder.train.certify.Certificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;

/**
 * Exports trained weights as an ONNX model that follows {@link ModelContract}: one standard
 * {@code RNN}, {@code GRU} or {@code LSTM} node, then the per-step dense layer and sigmoid.
 *
 * <pre>
 * operand_bits [steps, batch, 2]
 *   -> RNN | GRU | LSTM(W, R, B, hidden_size = H)  Y [steps, 1, batch, H]
 *   -> Squeeze(axes = [1])              [steps, batch, H]
 *   -> MatMul(W_out [H, 1]) -> Add(b_out) -> Sigmoid
 *   -> sum_bit_probability [steps, batch, 1]
 * </pre>
 *
 * <p>ONNX stacks G gate blocks ({@link CellType#gates()}): {@code W [1, G·H, nIn]}, {@code R [1, G·H, H]},
 * {@code B [1, 2·G·H]} (input biases, then recurrent biases, written as zeros). DL4J's LSTM layer
 * orders its gates differently; the lab's {@code AdderNetwork.weights} converts. The parity tests run the
 * training network and ONNX Runtime on the same sequences.
 */
public final class OnnxExport {

    /** The ONNX operator set the graph is written against. */
    public static final long OPSET = 14;

    /** The ONNX IR version matching {@link #OPSET}. */
    public static final long IR_VERSION = 7;

    /** The producer name written into every model. */
    public static final String PRODUCER = "neural-adder-train";

    private OnnxExport() {}

    /**
     * The model file for {@code weights} trained with {@code config}, with its provenance and
     * {@code certificate} as metadata: the certificate's summary, and its proof when proved.
     */
    public static byte[] toBytes(TrainingConfig config, CellWeights weights, Certificate certificate) {
        Map<MetadataKey, String> metadata = metadata(config, weights);
        metadata.putAll(certificate.metadata());
        return toModel(weights, metadata).toByteArray();
    }

    /** Writes the result's model file ({@link #toBytes(TrainingConfig, CellWeights, Certificate)}) to {@code file}. */
    public static void write(TrainingResult result, Path file) {
        write(toBytes(result.config(), result.weights(), result.certificate()), file);
    }

    /** Writes {@code model} to {@code file}, creating its directory. */
    public static void write(ModelProto model, Path file) {
        write(model.toByteArray(), file);
    }

    private static void write(byte[] model, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, model);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ONNX model to " + file, e);
        }
    }

    /** The graph name's radix part: none for bits, {@code decimal_} (as ever) for radix 10. */
    private static String radixPrefix(int radix) {
        return switch (radix) {
            case 2 -> "";
            case DigitSerialContract.DECIMAL -> "decimal_";
            default -> "radix" + radix + "_";
        };
    }

    /** The ONNX model computing {@code weights}, with {@code metadata} in its {@code metadata_props}. */
    public static ModelProto toModel(CellWeights weights, Map<MetadataKey, String> metadata) {
        int hidden = weights.hidden();
        int inputs = weights.inputs();
        CellType cell = weights.cell();
        String prefix = cell.metadataName();
        long rows = (long) cell.gates() * hidden;
        int radix = weights.radix();
        boolean digitSerial = radix != 2;
        int outputs = weights.outputs();
        String inputName = digitSerial ? DigitSerialContract.INPUT_NAME : ModelContract.INPUT_NAME;
        String outputName = digitSerial ? DigitSerialContract.OUTPUT_NAME : ModelContract.OUTPUT_NAME;
        OnnxGraphBuilder graph = new OnnxGraphBuilder("neural_adder_" + radixPrefix(radix) + prefix);

        String x = graph.floatInput(inputName, ModelContract.STEPS_DIMENSION, ModelContract.BATCH_DIMENSION, inputs);
        String w = graph.floatInitializer(prefix + "_W", flatten(weights.inputWeights()), 1, rows, inputs);
        String r = graph.floatInitializer(prefix + "_R", flatten(weights.recurrentWeights()), 1, rows, hidden);
        float[] biases = new float[2 * (int) rows];
        for (int row = 0; row < rows; row++) {
            biases[row] = (float) weights.bias()[row];
        }
        for (int j = 0; j < weights.resetGatedBias().length; j++) {
            biases[(int) rows + weights.row(CellWeights.CANDIDATE_GATE, j)] = (float) weights.resetGatedBias()[j];
        }
        String b = graph.floatInitializer(prefix + "_B", biases, 1, 2 * rows);
        List<AttributeProto> attributes = new ArrayList<>(List.of(OnnxGraphBuilder.intAttribute("hidden_size", hidden),
                OnnxGraphBuilder.stringAttribute("direction", "forward")));
        if (cell.linearBeforeReset()) {
            attributes.add(OnnxGraphBuilder.intAttribute("linear_before_reset", 1));
        }
        String y = graph.node(OnnxOperator.forCell(cell), null, List.of(x, w, r, b),
                attributes.toArray(AttributeProto[]::new));
        String axes = graph.longInitializer("direction_axis", new long[] {1}, 1);
        String states = graph.node(OnnxOperator.SQUEEZE, null, List.of(y, axes));
        float[] denseW = new float[hidden * outputs];
        float[] denseB = new float[outputs];
        for (int k = 0; k < outputs; k++) {
            for (int j = 0; j < hidden; j++) {
                denseW[j * outputs + k] = (float) weights.outputWeights()[k][j];
            }
            denseB[k] = (float) weights.outputBias()[k];
        }
        String wOut = graph.floatInitializer("dense_W", denseW, hidden, outputs);
        String bOut = graph.floatInitializer("dense_b", denseB, outputs);
        String logits = graph.node(OnnxOperator.ADD, null,
                List.of(graph.node(OnnxOperator.MATMUL, null, List.of(states, wOut)), bOut));
        if (digitSerial) {
            graph.node(OnnxOperator.SOFTMAX, outputName, List.of(logits), OnnxGraphBuilder.intAttribute("axis", 2));
        } else {
            graph.node(OnnxOperator.SIGMOID, outputName, List.of(logits));
        }
        graph.floatOutput(outputName, ModelContract.STEPS_DIMENSION, ModelContract.BATCH_DIMENSION, outputs);

        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .setProducerVersion(producerVersion())
                .setModelVersion(1)
                .setDocString(digitSerial
                        ? "neural-adder: adds " + (radix == DigitSerialContract.DECIMAL ? "decimal" : "base-" + radix)
                                + " numbers digit by digit, least significant digit first, with a " + hidden + "-unit "
                                + cell.onnxOperator()
                        : "neural-adder: adds two's-complement integers bit by bit, least significant bit "
                                + "first, with a " + hidden + "-unit " + cell.onnxOperator())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph.build());
        metadata.forEach((key, value) ->
                model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key.key()).setValue(value)));
        return model.build();
    }

    /** The metadata written into every exported model, in a stable order. */
    public static Map<MetadataKey, String> metadata(TrainingConfig config, CellWeights weights) {
        Map<MetadataKey, String> metadata = new LinkedHashMap<>();
        metadata.put(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        metadata.put(MetadataKey.OPERATOR, config.operator().metadataName());
        if (weights.radix() != 2) {
            metadata.put(MetadataKey.RADIX, Integer.toString(weights.radix()));
        }
        metadata.put(MetadataKey.CELL, weights.cell().metadataName());
        metadata.put(MetadataKey.HIDDEN_SIZE, Integer.toString(weights.hidden()));
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

    /** The version of this build of the training module. */
    public static String producerVersion() {
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
