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

    /** What a command printed to its standard output, and its exit status. */
    private record Run(int status, String out) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = AdderCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        int status = command.execute(args);
        return new Run(status, out.toString());
    }

    @Test
    void aRefutedNetwork_printsRefutedFirst_andExits1() throws Exception {
        Run run = run("import", FIXTURES.resolve("lstm4-short.onnx").toString(), "--output",
                temp.resolve("short.onnx").toString());
        String first = run.out().lines().findFirst().orElse("");
        assertEquals(Verdict.REFUTED.exitCode(), run.status(), run.out());
        assertTrue(first.startsWith("REFUTED: "), first);
        assertTrue(Files.readString(temp.resolve("short.md")).contains("## Counterexample"));
    }

    @Test
    void check_ofASubtractor_printsTheBorrowSets() {
        Run run = run("import", FIXTURES.resolve("lstm8-subtract.onnx").toString(), "--operator", "subtract",
                "--check", "--output", temp.resolve("subtract.onnx").toString());
        assertEquals(Verdict.REFUTED.exitCode(), run.status(), run.out());
        assertTrue(run.out().contains("wrong on borrow chains through every position (64-bit differences): "),
                run.out());
        assertEquals(6, run.out().lines().filter(line -> line.startsWith("wrong on ")).count(), run.out());
    }

    @Test
    void aRefusedFile_printsRefused_andExits4_writingNothing() {
        Run run = run("import", FIXTURES.resolve("refuse-bidirectional.onnx").toString(), "--output",
                temp.resolve("bi.onnx").toString());
        assertEquals(ImportCommand.REFUSED, run.status());
        assertTrue(run.out().startsWith("REFUSED: "), run.out());
        assertTrue(run.out().contains("bidirectional"), run.out());
        assertTrue(Files.notExists(temp.resolve("bi.onnx")));
    }

    @Test
    void certify_refusesAnExportItDoesNotModel_pointingToImport() {
        Run run = run("certify", FIXTURES.resolve("gru8-sigmoid.onnx").toString());
        assertEquals(1, run.status());
        assertTrue(run.out().startsWith("REFUSED: "), run.out());
        assertTrue(run.out().contains("adder-train import"), run.out());
    }
}
