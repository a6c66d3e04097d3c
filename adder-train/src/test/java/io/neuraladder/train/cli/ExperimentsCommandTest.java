package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.train.experiments.ExperimentReport;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reduced grid CI runs: every cell, one loss, one short training length, one seed, a tiny budget. */
class ExperimentsCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AdderCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void reducedGrid_writesRowsForEveryRun_figures_andKeepsTheHandWrittenText() throws Exception {
        Path report = temp.resolve("experiments.md");
        Path plots = temp.resolve("plots");
        Files.writeString(report, "# Experiments\n\nFindings written by hand.\n\n" + ExperimentReport.BEGIN
                + "\nstale results\n" + ExperimentReport.END + "\n\nMore hand-written text.\n");

        int status = run("experiments", "--cells", "rnn,gru,lstm", "--losses", "bce", "--train-steps", "3",
                "--seeds", "1", "--max-iterations", "20", "--evaluate-every", "10", "--validation-pairs", "500",
                "--length-samples", "20", "--report", report.toString(), "--plots", plots.toString());

        assertEquals(0, status, err.toString());
        String text = Files.readString(report);
        assertTrue(text.startsWith("# Experiments\n\nFindings written by hand."), text);
        assertTrue(text.contains("More hand-written text."), text);
        assertTrue(!text.contains("stale results"), text);
        for (String cell : new String[] {"rnn", "gru", "lstm"}) {
            assertTrue(text.contains("| " + cell + " | bce | 3 | 1 |"), "a row for " + cell + ": " + text);
            BufferedImage curves = ImageIO.read(plots.resolve("curves-" + cell + "-bce-3bit.png").toFile());
            assertNotNull(curves, "a readable PNG of " + cell + "'s training curves");
            assertTrue(curves.getWidth() >= 1000, "loss and accuracy side by side");
            assertNotNull(ImageIO.read(plots.resolve("length-" + cell + ".png").toFile()));
        }
        assertTrue(text.contains("experiments --cells rnn,gru,lstm --losses bce --train-steps 3 --seeds 1"),
                "the command that reproduces the report: " + text);
    }

    @Test
    void aTrainingLengthBeyondAnInt_isRefusedWithTheRule() {
        int status = run("experiments", "--train-steps", "40", "--report", temp.resolve("r.md").toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("training digits must be 1..32, got 40"), err.toString());
    }
}
