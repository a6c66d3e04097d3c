package io.neuraladder.train.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.contract.CellType;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.AdderNetwork;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.ValueInfoProto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime refuses valid ONNX files that break the model contract, naming the file, what it
 * expected and what it found. The files are exported models with one thing changed.
 */
class RuntimeContractCheckTest {

    private static ModelProto valid;

    @TempDir
    Path temp;

    @BeforeAll
    static void exportAnUntrainedModel() {
        TrainingConfig config = TrainingConfig.PLAIN_DEFAULT.toBuilder().maxIterations(1).evaluateEvery(1).validationPairs(1)
                .build();
        CellWeights weights = AdderNetwork.weights(AdderNetwork.create(config));
        valid = OnnxExport.toModel(weights, OnnxExport.metadata(config, weights));
    }

    @Test
    void theUnchangedExport_passesTheContractCheck() throws Exception {
        // Untrained, so neither certified nor exact: skip both checks to see the contract check alone.
        try (Adder adder = NeuralAdder.builder().model(write("valid.onnx", valid)).allowUncertified().skipSelfTest()
                .build()) {
            assertTrue(adder.model().get(MetadataKey.CELL).isPresent());
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void everyCell_exportedAsItsOwnOperator_passesTheContractCheck(CellType cell) throws Exception {
        int hidden = 3;
        int rows = cell.gates() * hidden;
        double[] resetGatedBias = new double[cell.linearBeforeReset() ? hidden : 0];
        Arrays.fill(resetGatedBias, 0.3);
        CellWeights weights = new CellWeights(cell, hidden, filled(rows, 2, 0.1), filled(rows, hidden, -0.2),
                new double[rows], new double[][] {{1, -1, 0.5}}, new double[] {0.25}, resetGatedBias);
        ModelProto model = OnnxExport.toModel(weights, OnnxExport.metadata(TrainingConfig.DEFAULT, weights));
        try (Adder adder = NeuralAdder.builder().model(write(cell + ".onnx", model)).allowUncertified().skipSelfTest()
                .build()) {
            assertEquals(cell.metadataName(), adder.model().get(MetadataKey.CELL).orElseThrow());
            adder.addWrapping(new int[] {1, 2, 3}, new int[] {4, 5, 6});
        }
    }

    @Test
    void cellMetadataThatContradictsTheGraph_isRejected() throws Exception {
        assertRejected("gru-label-on-lstm.onnx", withMetadata(valid, MetadataKey.CELL, "gru"),
                "neuraladder.cell = lstm for a graph that runs LSTM", "found neuraladder.cell = gru");
    }

    @Test
    void lstmWeightsUnderAnRnnNode_areRejected() throws Exception {
        ModelProto.Builder relabeled = valid.toBuilder();
        relabeled.getGraphBuilder().getNodeBuilder(0).setOpType("RNN");
        assertRejected("rnn-with-lstm-weights.onnx", relabeled.build(), "expected RNN input 1 float32 [1, 8, 2]",
                "[1, 32, 2]");
    }

    @Test
    void wrongInputName_isRejected() throws Exception {
        ModelProto renamed = withInput(valid, input -> input.toBuilder().setName("x").build(), "x");
        assertRejected("wrong-input-name.onnx", renamed, "expected exactly one input 'operand_bits'", "found inputs [x]");
    }

    @Test
    void wrongInputShape_isRejected() throws Exception {
        ModelProto reshaped = withInput(valid, input -> {
            ValueInfoProto.Builder b = input.toBuilder();
            b.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                    .setDim(2, TensorShapeProto.Dimension.newBuilder().setDimValue(3));
            return b.build();
        }, ModelContract.INPUT_NAME);
        assertRejected("wrong-shape.onnx", reshaped, "shape [steps, batch, 2]", "shape [?, ?, 3]");
    }

    @Test
    void fixedBatchDimension_isRejected() throws Exception {
        ModelProto fixed = withInput(valid, input -> {
            ValueInfoProto.Builder b = input.toBuilder();
            b.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                    .setDim(1, TensorShapeProto.Dimension.newBuilder().setDimValue(1));
            return b.build();
        }, ModelContract.INPUT_NAME);
        assertRejected("fixed-batch.onnx", fixed, "shape [steps, batch, 2]", "shape [?, 1, 2]");
    }

    @Test
    void unknownContractVersion_isRejected() throws Exception {
        assertRejected("future-version.onnx", withMetadata(valid, MetadataKey.CONTRACT_VERSION, "999"),
                "neuraladder.contract_version = " + ModelContract.VERSION, "neuraladder.contract_version = 999");
    }

    @Test
    void missingMetadata_isRejected() throws Exception {
        ModelProto bare = valid.toBuilder().clearMetadataProps().build();
        assertRejected("no-metadata.onnx", bare, "neuraladder.contract_version", "no such metadata entry");
    }

    @Test
    void anotherOperator_isRejected() throws Exception {
        assertRejected("multiply.onnx", withMetadata(valid, MetadataKey.OPERATOR, "multiply"),
                "neuraladder.operator naming one of [add, subtract]", "neuraladder.operator = multiply");
    }

    @Test
    void nanOrInfiniteWeights_areRejected_namingTheInitializer() throws Exception {
        ModelProto.Builder nan = valid.toBuilder();
        nan.getGraphBuilder().getInitializerBuilder(0).setFloatData(3, Float.NaN);
        assertRejected("nan-weights.onnx", nan.build(), "expected finite weights", "holds NaN at index 3");
        ModelProto.Builder inf = valid.toBuilder();
        inf.getGraphBuilder().getInitializerBuilder(1).setFloatData(0, Float.NEGATIVE_INFINITY);
        assertRejected("inf-weights.onnx", inf.build(), "holds -Infinity at index 0");
    }

    @Test
    void lstmWithoutItsWeightInput_isRejectedBeforeOnnxRuntimeAborts() throws Exception {
        ModelProto.Builder broken = valid.toBuilder();
        NodeProto.Builder lstm = broken.getGraphBuilder().getNodeBuilder(0);
        List<String> inputs = new ArrayList<>(lstm.getInputList());
        inputs.remove(1);
        lstm.clearInput().addAllInput(inputs);
        assertRejected("lstm-without-w.onnx", broken.build(), "expected LSTM with 4 inputs");
    }

    @Test
    void anOperatorOutsideTheContract_isRejected() throws Exception {
        ModelProto.Builder relu = valid.toBuilder();
        relu.getGraphBuilder().getNodeBuilder(4).setOpType("Relu");
        assertRejected("relu.onnx", relu.build(), "expected the nodes [LSTM, Squeeze, MatMul, Add, Sigmoid]",
                "found the nodes [LSTM, Squeeze, MatMul, Add, Relu]");
    }

    @Test
    void lstmLayoutAttribute_isRejected() throws Exception {
        ModelProto.Builder layout = valid.toBuilder();
        layout.getGraphBuilder().getNodeBuilder(0).addAttribute(OnnxGraphBuilder.intAttribute("layout", 1));
        assertRejected("layout.onnx", layout.build(), "LSTM attributes hidden_size and direction only",
                "[hidden_size, direction, layout]");
    }

    @Test
    void anOldOpset_isRejected() throws Exception {
        ModelProto.Builder old = valid.toBuilder();
        old.getOpsetImportBuilder(0).setVersion(9);
        assertRejected("opset9.onnx", old.build(), "version 14 to 21", "'' version 9");
    }

    @Test
    void extraInput_isRejected() throws Exception {
        ModelProto.Builder extra = valid.toBuilder();
        extra.getGraphBuilder().addInput(valid.getGraph().getInput(0).toBuilder().setName("carry_in"));
        assertRejected("extra-input.onnx", extra.build(), "exactly one input 'operand_bits'",
                "found inputs [operand_bits, carry_in]");
    }

    private void assertRejected(String fileName, ModelProto model, String... fragments) throws Exception {
        Path file = write(fileName, model);
        var error = assertThrows(ModelContractException.class, () -> NeuralAdder.open(file));
        String message = error.getMessage();
        assertTrue(message.contains(file.toString()), "names the file: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "contains '" + fragment + "': " + message);
        }
    }

    private Path write(String fileName, ModelProto model) throws Exception {
        return Files.write(temp.resolve(fileName), model.toByteArray());
    }

    private static ModelProto withInput(ModelProto model, UnaryOperator<ValueInfoProto> change, String newName) {
        ModelProto.Builder builder = model.toBuilder();
        ValueInfoProto changed = change.apply(builder.getGraph().getInput(0));
        builder.getGraphBuilder().setInput(0, changed);
        builder.getGraphBuilder().getNodeBuilderList().forEach(node -> {
            for (int i = 0; i < node.getInputCount(); i++) {
                if (node.getInput(i).equals(ModelContract.INPUT_NAME)) {
                    node.setInput(i, newName);
                }
            }
        });
        return builder.build();
    }

    private static double[][] filled(int rows, int columns, double value) {
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            Arrays.fill(row, value);
        }
        return matrix;
    }

    private static ModelProto withMetadata(ModelProto model, MetadataKey key, String value) {
        ModelProto.Builder builder = model.toBuilder().clearMetadataProps();
        for (StringStringEntryProto entry : model.getMetadataPropsList()) {
            builder.addMetadataProps(entry.getKey().equals(key.key()) ? entry.toBuilder().setValue(value).build() : entry);
        }
        return builder.build();
    }
}
