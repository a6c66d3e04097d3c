package io.neuraladder.train.imports;

import static io.neuraladder.train.imports.PyTorchFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.Operator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the importer reads, and what it refuses, naming the node or attribute it found. */
class ImportRefusalTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "refuse-two-layers    | 2 recurrent nodes",
        "refuse-bidirectional | has direction 'bidirectional'",
        "refuse-relu-head     | followed by Relu"})
    void graphsThatAreNotOneLayerAdders_areRefused_namingWhatWasFound(String name, String named) throws Exception {
        ImportRefusedException refused = assertThrows(ImportRefusedException.class,
                () -> ForeignAdderReader.read(Files.readAllBytes(fixture(name)), name));
        assertTrue(refused.getMessage().contains(named), refused.getMessage());
        assertFalse(Files.exists(temp.resolve(name + ".onnx")));
    }

    @Test
    void aFileThatIsNotOnnx_isRefusedAsSuch() {
        byte[] text = "name,a,b\nlstm,1,2\n".getBytes(StandardCharsets.UTF_8);
        ImportRefusedException refused = assertThrows(ImportRefusedException.class,
                () -> ForeignAdderReader.read(text, "adders.csv"));
        assertTrue(refused.getMessage().startsWith("adders.csv is not an ONNX"), refused.getMessage());
    }

    @Test
    void aSubtractorImportedAsAnAdder_isRefused_namingTheOperatorItComputes() {
        ImportRefusedException refused = assertThrows(ImportRefusedException.class,
                () -> AdderImport.run(fixture("lstm8-subtract"), temp.resolve("as-adder.onnx"), Operator.ADD));
        assertTrue(refused.getMessage().contains("--operator subtract"), refused.getMessage());
        assertFalse(Files.exists(temp.resolve("as-adder.onnx")), "nothing is written for a refused import");
    }

    @Test
    void pyTorchsExports_areReadWhateverTheirNamesHeadsAndLayouts() throws Exception {
        ImportedAdder gru = ForeignAdderReader.read(Files.readAllBytes(fixture("gru6-linear-gemm")), "gemm");
        assertEquals(CellType.GRU_LINEAR_BEFORE_RESET, gru.weights().cell(), "torch's GRU writes linear_before_reset 1");
        assertEquals("linear", gru.head());
        assertEquals(6, gru.weights().resetGatedBias().length);
        ImportedAdder batchFirst = ForeignAdderReader.read(Files.readAllBytes(fixture("lstm16-sigmoid-batch-first")),
                "batch-first");
        assertTrue(batchFirst.batchFirst());
        assertEquals("sigmoid", batchFirst.head());
        assertTrue(batchFirst.producer().startsWith("pytorch 1.13"), batchFirst.producer());
        assertEquals(64, batchFirst.sha256().length());
    }
}
