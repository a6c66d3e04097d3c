package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AdderCli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void train_writesAnExactModel_andAModelCardWithItsHash() throws Exception {
        Path model = temp.resolve("cli.onnx");
        int status = run("train", "--method", "plain", "--hidden-size", "8", "--train-steps", "16", "--seed", "42",
                "--batch", "128",
                "--learning-rate", "0.02", "--evaluate-every", "100", "--validation-pairs", "10000", "--output",
                model.toString());
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("exact after"), out.toString());
        String card = Files.readString(temp.resolve("cli.md"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
        assertTrue(card.contains(sha), "card names the file's SHA-256");
        assertTrue(card.contains("mvn -q -pl adder-train exec:java -Dexec.classpathScope=test -Dexec.args=\"train "
                + "--method plain --cell lstm --loss bce --hidden-size 8 --train-digits 16 --seed 42"), "the lab's "
                + "method is rebuilt on the lab's classpath: " + card);
        assertTrue(card.contains("**Certificate:** not proved"), "a plain model's card says it is not certified");
        assertTrue(card.contains("| epoch | iteration |"), card);
    }

    @Test
    void train_withDefaultSettings_writesAModelTheRuntimeServesAsCertified() throws Exception {
        Path model = temp.resolve("default.onnx");
        assertEquals(0, run("train", "--output", model.toString()), err.toString());
        try (Adder adder = NeuralAdder.open(model)) {
            assertTrue(adder.model().certified(), adder.model().toString());
            assertEquals(596, adder.add(535, 61));
        }
        assertTrue(Files.readString(temp.resolve("default.md")).contains("checked by the runtime at every load"));
    }

    @Test
    void train_thatRunsOutOfIterations_writesNothing_andSaysWhatToTry() {
        Path model = temp.resolve("never.onnx");
        int status = run("train", "--max-iterations", "3", "--evaluate-every", "3", "--validation-pairs", "100",
                "--output", model.toString());
        assertEquals(1, status);
        assertTrue(err.toString().contains("not exact after 3 iterations") && err.toString().contains("certificate:"),
                err.toString());
        assertTrue(err.toString().contains("--max-iterations"), err.toString());
        assertFalse(Files.exists(model));
    }

    @Test
    void badOptions_areRefusedWithUsage() {
        assertEquals(2, run("train", "--hidden-size", "many"));
        assertTrue(err.toString().contains("--hidden-size"), err.toString());
        assertEquals(2, run("fly"));
        assertEquals(2, run("train", "--steps", "40"));
        assertTrue(err.toString().contains("training digits must be 1..32, got 40"), err.toString());
    }
}
