package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Training, export and certification are clients of the contract, and ask the runtime's kernel
 * only whether a certificate will be accepted: of this module's main code, the explorer
 * ({@code io.neuraladder.train.explore}) imports the runtime as an application would, and the rest
 * imports at most {@code NeuralAdder} (for {@code checkCertificate}) and {@code ModelLoadException}.
 */
class ModuleBoundaryTest {

    /** A runtime type: the {@code io.neuraladder} package itself, or the runtime's checker. */
    private static final Pattern RUNTIME_IMPORT = Pattern.compile(
            "^import\\s+(static\\s+)?io\\.neuraladder\\.(proof\\.|[A-Z])", Pattern.MULTILINE);

    private static final Pattern RUNTIME_IMPORT_LINE = Pattern.compile(
            "^import\\s+(static\\s+)?io\\.neuraladder\\.(proof\\.|[A-Z])[^;]*;", Pattern.MULTILINE);

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "neuraladder", "train");

    /** The runtime types that training may name to ask the kernel whether a certificate will be accepted. */
    private static final Set<String> KERNEL_QUESTION = Set.of("import io.neuraladder.NeuralAdder;",
            "import io.neuraladder.ModelLoadException;");

    @Test
    void onlyTheExplorerImportsTheRuntime_andTrainingOnlyAsksItsKernel() throws IOException {
        List<Path> importers;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            importers = files.filter(f -> f.toString().endsWith(".java")).filter(ModuleBoundaryTest::importsRuntime)
                    .toList();
        }
        assertFalse(importers.isEmpty(), "the explorer imports the runtime, so the pattern must find it");
        for (Path file : importers) {
            if (!file.startsWith(SOURCES.resolve("explore"))) {
                Matcher imports = RUNTIME_IMPORT_LINE.matcher(Files.readString(file));
                while (imports.find()) {
                    assertTrue(KERNEL_QUESTION.contains(imports.group()), file + ": " + imports.group()
                            + "; outside the explorer, training may only ask the kernel (" + KERNEL_QUESTION + ")");
                }
            }
        }
    }

    @Test
    void thePatternSeesRuntimeImportsAndOnlyThem() {
        assertTrue(RUNTIME_IMPORT.matcher("import io.neuraladder.NeuralAdder;").find());
        assertTrue(RUNTIME_IMPORT.matcher("import io.neuraladder.proof.CertificateChecker;").find());
        assertFalse(RUNTIME_IMPORT.matcher("import io.neuraladder.contract.BitCodec;").find());
        assertFalse(RUNTIME_IMPORT.matcher("import io.neuraladder.train.CellWeights;").find());
        assertFalse(RUNTIME_IMPORT.matcher("import io.neuraladder.api.Adder;").find(), "api belongs to adder-api");
    }

    private static boolean importsRuntime(Path file) {
        try {
            return RUNTIME_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
