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

/**
 * {@code train-digits} (alias {@code train-decimal}, and {@code train --radix R}) refuses what it
 * cannot do; the shipped decimal model's card holds a full run.
 */
class TrainDigitsCommandTest {

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
        assertEquals(2, run("train-digits", "--forgetting", "1", "--batch", "255", "--output",
                temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("forgetting needs an even batch size, got 255"), err.toString());
        assertEquals(2, run("train-digits", "--carry-saturation", "1", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("carry saturation needs a recurrent rank (the carry units), got 0"),
                err.toString());
        assertEquals(2, run("train-digits", "--cell", "lstm", "--interval-radius", "0.1", "--output",
                temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("interval training needs the rnn cell, got LSTM"), err.toString());
        assertEquals(2, run("train-digits", "--quiet-chains", "1.5", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("quiet chains must be a share in [0, 1], got 1.5"), err.toString());
        assertEquals(2, run("train-digits", "--recurrent-rank", "2", "--carry-hint", "1", "--output",
                temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("carry hint needs recurrent rank 1 (one carry unit), got 2"), err.toString());
    }

    @Test
    void trainWithAnotherRadix_runsTheDigitSerialPipeline_inThatRadix() {
        Path model = temp.resolve("never16.onnx");
        int status = AdderCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(AdderCli.route("train", "--radix", "16", "--hidden-size", "4", "--max-iterations", "3",
                        "--evaluate-every", "3", "--validation-pairs", "10", "--output", model.toString()));
        assertEquals(1, status, err.toString());
        assertTrue(out.toString().contains("DigitSerialConfig[radix=16"), out.toString());
        assertFalse(Files.exists(model));
        assertEquals(2, run("train", "--radix", "16"), "without routing, train itself refuses another radix");
        assertTrue(err.toString().contains("run train-digits --radix 16"), err.toString());
    }

    @Test
    void radixesWithoutADigitSerialContract_areRefused() {
        assertEquals(2, run("train-digits", "--radix", "2", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("radix must be 3..36 (radix 2 is the bit-serial adder: use train), got 2"),
                err.toString());
        assertEquals(2, run("train-digits", "--radix", "37", "--output", temp.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("got 37"), err.toString());
    }
}
