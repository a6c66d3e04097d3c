package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.ShippedModelFiles;
import io.neuraladder.train.export.OnnxExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    @Test
    void everyShippedModel_certifies_andTheReportShowsTheMargins() {
        List<Path> models = shippedModels();
        assertEquals(0, certify(models.toArray(Path[]::new)), out.toString());
        assertTrue(out.toString().contains("worst output margin") && out.toString().contains("time:"), out.toString());
    }

    @Test
    void aShippedModelWithItsOutputLayerNegated_failsNamingARegion() throws IOException {
        Path negated = temp.resolve("negated.onnx");
        CellWeights weights = CellWeights.read(shippedModels().get(0)).withNegatedOutput();
        OnnxExport.write(OnnxExport.toModel(weights, Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD)), negated);
        assertEquals(1, certify(negated));
        assertTrue(out.toString().contains("not proved: every transition into region [carry"), out.toString());
    }
}
