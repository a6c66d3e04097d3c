package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --radix R} (and its old names {@code train-digits}, {@code train-decimal}) refuses
 * what it cannot do; the shipped decimal model's card holds a full run.
 */
class TrainRadixTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AdderCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(AdderCli.route(args));
    }

    @Test
    void aRunThatEndsUncertified_writesNothing_andSaysWhatToTry() {
        Path model = temp.resolve("never.onnx");
        int status = run("train-decimal", "--max-iterations", "5", "--evaluate-every", "5", "--validation-pairs", "20",
                "--output", model.toString());
        assertEquals(1, status);
        assertTrue(out.toString().contains("radix=10"), out.toString());
        assertTrue(err.toString().contains("is not exact after 5 iterations"), err.toString());
        assertFalse(Files.exists(model));
        assertFalse(Files.exists(temp.resolve("never.md")));
    }

    @Test
    void outOfRangeOptions_areRefusedWithTheRule() {
        assertEquals(2, run("train-decimal", "--hidden-size", "0", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("hidden size must be 1..256, got 0"), err.toString());
        assertEquals(2, run("train", "--radix", "10", "--carry-saturation", "1", "--output",
                temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("carry saturation needs a recurrent rank (the carry units), got 0"),
                err.toString());
        assertEquals(2, run("train-digits", "--quiet-chains", "1.5", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("quiet chains must be a share in [0, 1], got 1.5"), err.toString());
        assertEquals(2, run("train-digits", "--recurrent-rank", "2", "--carry-hint", "1", "--output",
                temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("carry hint needs recurrent rank 1 (one carry unit), got 2"), err.toString());
        assertEquals(2, run("train", "--radix", "10", "--method", "plain"));
        assertTrue(err.toString().contains("the plain method trains DL4J's LSTM layer to add bits"), err.toString());
    }

    @Test
    void trainWithAnotherRadix_trainsInThatRadix_throughTheOnePipeline() {
        Path model = temp.resolve("never16.onnx");
        int status = run("train", "--radix", "16", "--hidden-size", "4", "--max-iterations", "3",
                "--evaluate-every", "3", "--validation-pairs", "10", "--output", model.toString());
        assertEquals(1, status, err.toString());
        assertTrue(out.toString().contains("TrainingConfig[operator=ADD, radix=16"), out.toString());
        assertFalse(Files.exists(model));
    }

    @Test
    void radixesWithoutAContract_areRefused() {
        assertEquals(2, run("train", "--radix", "1", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("radix must be 2 (bits) or 3..36, got 1"), err.toString());
        assertEquals(2, run("train-digits", "--radix", "37", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("got 37"), err.toString());
    }

    @Test
    void help_offersNoneOfTheLabsLevers() {
        assertEquals(0, run("train", "--help"));
        String help = out.toString();
        for (String removed : List.of("--saturation", "--preactivation-noise", "--recurrent-decay", "--forgetting",
                "--interval-radius", "--interval-weight", "--allow-uncertified")) {
            assertFalse(help.contains(removed + " ") || help.contains(removed + "="), removed + " in:\n" + help);
        }
        assertTrue(help.contains("--radix") && help.contains("--operator"), help);
        assertEquals(2, run("train", "--forgetting", "1"), "a removed lever is an unknown option");
    }
}
