package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.load.CertificateFiles;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.NegatedOutput;
import io.neuraladder.train.ShippedModelFiles;
import io.neuraladder.train.export.OnnxExport;
import io.neuraladder.train.imports.AdderImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertifyCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();

    private int certify(Path... models) {
        String[] args = Stream.concat(Stream.of("certify"), Stream.of(models).map(Path::toString)).toArray(String[]::new);
        return AdderCli.commandLine().setOut(new PrintWriter(out, true)).execute(args);
    }

    static List<Path> shippedModels() {
        return ShippedModelFiles.all();
    }

    /** The first shipped model with its output layer negated: it adds wrongly, and its proof fails. */
    private Path negatedShippedModel() throws IOException {
        Path negated = temp.resolve("negated.onnx");
        CellWeights weights = NegatedOutput.of(CellWeights.read(shippedModels().get(0)));
        OnnxExport.write(OnnxExport.toModel(weights, Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD)), negated);
        return negated;
    }

    @Test
    void everyShippedModel_certifies_andTheReportShowsTheMargins() {
        List<Path> models = shippedModels();
        assertEquals(0, certify(models.toArray(Path[]::new)), out.toString());
        assertTrue(out.toString().contains("worst output margin") && out.toString().contains("time:"), out.toString());
    }

    @Test
    void aShippedModelWithItsOutputLayerNegated_failsNamingARegion() throws IOException {
        Path negated = negatedShippedModel();
        assertEquals(1, certify(negated));
        assertTrue(out.toString().contains("not proved: every transition into region [carry"), out.toString());
    }

    @Test
    void embed_writesAProofTheRuntimeChecksAtLoad_andUpdatesTheCard() throws IOException, NoSuchAlgorithmException {
        Path shipped = Path.of("..", "models", "adder-lstm.onnx");
        Path model = CertificateFiles.withProof(CertificateFiles.read(shipped), null, temp.resolve("adder-lstm.onnx"));
        Files.copy(Path.of("..", "models", "adder-lstm.md"), temp.resolve("adder-lstm.md"));
        assertEquals(ModelCertificateException.class, assertThrows(ModelLoadException.class,
                () -> NeuralAdder.open(model)).getClass(), "without its proof the file is refused");

        assertEquals(0, AdderCli.commandLine().setOut(new PrintWriter(out, true))
                .execute("certify", "--embed", model.toString()), out.toString());
        assertTrue(out.toString().contains("embedded in the file: no proof"), out.toString());
        try (Adder adder = NeuralAdder.open(model)) {
            assertTrue(adder.model().certified(), adder.model().toString());
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
        String card = Files.readString(temp.resolve("adder-lstm.md"));
        assertTrue(card.contains("`" + sha + "`") && card.contains("checked by the runtime at every load"), card);
    }

    @Test
    void embed_ofAModelWhoseProofFails_leavesTheFileAsItWas() throws IOException {
        Path negated = negatedShippedModel();
        byte[] before = Files.readAllBytes(negated);
        assertEquals(1, AdderCli.commandLine().setOut(new PrintWriter(out, true))
                .execute("certify", "--embed", negated.toString()));
        assertTrue(out.toString().contains("not embedded: no proof; " + negated + " is unchanged"), out.toString());
        assertArrayEquals(before, Files.readAllBytes(negated));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(negated), files.toList(), "no temporary file is left behind");
        }
    }

    /**
     * rnn8-sigmoid, imported from PyTorch, has no box proof: {@code certify} says so and exits 1;
     * {@code --pieces --embed} finds a cover, embeds it, and the runtime then serves the file.
     */
    @Test
    void aNetworkBoxesCannotProve_isProvedAndEmbeddedWithPieces() throws IOException {
        Path model = temp.resolve("rnn8-sigmoid.onnx");
        CellWeights weights = AdderImport.run(Path.of("src/test/resources/pytorch/rnn8-sigmoid.onnx"),
                temp.resolve("imported.onnx"), Operator.ADD).adder().weights();
        OnnxExport.write(OnnxExport.toModel(weights, Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD)), model);
        assertEquals(1, certify(model), out.toString());
        assertTrue(out.toString().contains("not proved"), out.toString());
        String[] args = {"certify", "--pieces", "--embed", model.toString()};
        assertEquals(0, AdderCli.commandLine().setOut(new PrintWriter(out, true)).execute(args), out.toString());
        assertTrue(out.toString().contains("cover by pieces: proved: a cover by"), out.toString());
        assertTrue(out.toString().contains("embedded the cover"), out.toString());
        try (Adder adder = NeuralAdder.open(model)) {
            assertTrue(adder.model().certified());
            assertEquals(-1_234_567_890 + 987_654_321, adder.add(-1_234_567_890, 987_654_321));
        }
    }
}
