package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-decimal} refuses what it cannot do; the shipped decimal model's card holds a full run. */
class TrainDecimalCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AdderCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void aRunThatEndsUncertified_writesNothing_andSaysWhatToTry() {
        Path model = temp.resolve("never.onnx");
        int status = run("train-decimal", "--max-iterations", "5", "--evaluate-every", "5", "--validation-pairs", "20",
                "--output", model.toString());
        assertEquals(1, status);
        assertTrue(err.toString().contains("not exact and certified after 5 iterations"), err.toString());
        assertTrue(err.toString().contains("certificate: not proved"), err.toString());
        assertFalse(Files.exists(model));
        assertFalse(Files.exists(temp.resolve("never.md")));
    }

    @Test
    void outOfRangeOptions_areRefusedWithTheRule() {
        assertEquals(2, run("train-decimal", "--hidden-size", "0", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("hidden size must be 1..256, got 0"), err.toString());
    }
}
