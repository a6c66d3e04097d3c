package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.train.imports.AdderImport.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code adder-train import}: the verdict is the first line and the exit status; a refused file exits 4;
 * {@code --check} prints the sample sets of the operator asked for.
 */
class ImportCommandTest {

    private static final Path FIXTURES = Path.of("src/test/resources/pytorch");

    @TempDir
    Path temp;

    @Test
    void aRefutedNetwork_printsRefutedFirst_andExits1() throws Exception {
        Path written = temp.resolve("short.onnx");
        StringWriter out = new StringWriter();
        CommandLine command = AdderCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        int status = command.execute("import", FIXTURES.resolve("lstm4-short.onnx").toString(), "--output",
                written.toString());
        String first = out.toString().lines().findFirst().orElse("");
        assertEquals(Verdict.REFUTED.exitCode(), status, out.toString());
        assertTrue(first.startsWith("REFUTED: "), first);
        assertTrue(Files.readString(temp.resolve("short.md")).contains("## Counterexample"));
    }

    @Test
    void check_ofASubtractor_printsTheBorrowSets() {
        StringWriter out = new StringWriter();
        CommandLine command = AdderCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        int status = command.execute("import", FIXTURES.resolve("lstm8-subtract.onnx").toString(), "--operator",
                "subtract", "--check", "--output", temp.resolve("subtract.onnx").toString());
        assertEquals(Verdict.REFUTED.exitCode(), status, out.toString());
        assertTrue(out.toString().contains("wrong on borrow chains through every position (64-bit differences): "),
                out.toString());
        assertEquals(5, out.toString().lines().filter(line -> line.startsWith("wrong on ")).count(), out.toString());
    }

    @Test
    void aRefusedFile_printsRefused_andExits4_writingNothing() {
        StringWriter out = new StringWriter();
        CommandLine command = AdderCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        int status = command.execute("import", FIXTURES.resolve("refuse-bidirectional.onnx").toString(), "--output",
                temp.resolve("bi.onnx").toString());
        assertEquals(ImportCommand.REFUSED, status);
        assertTrue(out.toString().startsWith("REFUSED: "), out.toString());
        assertTrue(out.toString().contains("bidirectional"), out.toString());
        assertTrue(Files.notExists(temp.resolve("bi.onnx")));
    }

    @Test
    void certify_refusesAnExportItDoesNotModel_pointingToImport() {
        StringWriter out = new StringWriter();
        CommandLine command = AdderCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        int status = command.execute("certify", FIXTURES.resolve("gru8-sigmoid.onnx").toString());
        assertEquals(1, status);
        assertTrue(out.toString().startsWith("REFUSED: "), out.toString());
        assertTrue(out.toString().contains("adder-train import"), out.toString());
    }
}
