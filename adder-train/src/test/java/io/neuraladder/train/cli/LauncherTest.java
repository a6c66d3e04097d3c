package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.properties.AddExactProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/adder-train}, the launcher the README documents: from a fresh JVM to a certified,
 * exported model with the default options. Its wall time is printed, not asserted (see
 * docs/performance.md for the measurement).
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("bin", "adder-train").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void train_withDefaults_writesACertifiedModel_thatAddsLikeMathAddExact() throws Exception {
        Path model = temp.resolve("quick.onnx");
        long start = System.nanoTime();
        Run run = run(LAUNCHER, "train", "--seed", "2", "--output", model.toString());
        System.out.printf("bin/adder-train train --seed 2: %.2f s wall%n", (System.nanoTime() - start) / 1e9);

        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("certified and exact after"), run.output());
        assertTrue(Files.exists(temp.resolve("quick.md")), "the model card is written beside the model");
        try (Adder adder = NeuralAdder.open(model)) {
            assertTrue(adder.model().certified(), adder.model().metadata().toString());
            assertEquals("rnn", adder.model().get(MetadataKey.CELL).orElseThrow());
            AddExactProperty.assertHolds("the launcher's model", adder::add, 20_000);
        }
    }

    @Test
    void launcher_beforeABuild_saysWhatToRun() throws Exception {
        Path unbuilt = Files.createDirectories(temp.resolve("adder-train/bin")).resolve("adder-train");
        Files.copy(LAUNCHER, unbuilt);
        assertTrue(unbuilt.toFile().setExecutable(true));

        Run run = run(unbuilt, "train");

        assertEquals(2, run.status(), run.output());
        assertTrue(run.output().contains("not built yet; run 'mvn -q install -DskipTests'"), run.output());
    }

    @Test
    void launcher_offersTheProductOnly_andSaysWhereTheLabRuns() throws Exception {
        Run help = run(LAUNCHER, "--help");
        assertEquals(0, help.status(), help.output());
        assertTrue(help.output().contains("train") && help.output().contains("certify"), help.output());
        assertFalse(help.output().contains("experiments"), "the lab's command is not the product's: " + help.output());

        Run plain = run(LAUNCHER, "train", "--method", "plain");
        assertEquals(2, plain.status(), plain.output());
        assertTrue(plain.output().contains("--method plain is the lab's and is not on this classpath; this build trains "
                + "with: certifiable"), plain.output());
    }

    @Test
    void launcher_pinsTheTrainingNumerics() throws IOException {
        String script = Files.readString(LAUNCHER);
        assertTrue(script.contains("export OMP_NUM_THREADS=1"), script);
        assertTrue(script.contains("export OPENBLAS_CORETYPE=Haswell ONEDNN_MAX_CPU_ISA=AVX2"), script);
        assertFalse(script.contains("test-classes"), "the launcher runs the product, not the tests' classes");
    }

    private record Run(int status, String output) {}

    private static Run run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher finishes");
        return new Run(process.exitValue(), output);
    }
}
