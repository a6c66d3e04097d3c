package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuraladder.train.CardText;
import io.neuraladder.train.PinnedNumerics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped model's card gives the command that rebuilds it, and that command, run as written
 * (through the CLI, in this JVM, whose training numerics the build pins), writes the shipped file
 * byte for byte and the card as shipped but for its timings. The default model is rebuilt by
 * {@code TrainExportRunTest}; this test covers the others, so that no card drifts from its file.
 */
class EveryCardRebuildsItsModelTest {

    private static final Path MODELS = Path.of("..", "models");
    private static final String LAUNCHER = "adder-train/bin/adder-train ";

    @TempDir
    static Path temp;

    @BeforeAll
    static void requirePinnedNumerics() {
        PinnedNumerics.whyUnsupported().ifPresent(why -> Assumptions.abort("a byte-for-byte rebuild cannot hold "
                + "here: " + why));
        PinnedNumerics.whyNotPinned().ifPresent(why -> fail("the build must pin the training numerics: " + why));
    }

    static Stream<Path> cards() throws IOException {
        try (Stream<Path> files = Files.walk(MODELS)) {
            return files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equals("adder-lstm.md"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cards")
    void theCardsCommand_rebuildsItsModel_andItsCard(Path card) throws IOException {
        String shippedCard = Files.readString(card);
        List<String> args = rebuildArguments(card, shippedCard);
        int output = args.indexOf("--output") + 1;
        String shippedOutput = args.get(output);
        Path rebuilt = temp.resolve(card.getFileName().toString().replace(".md", ".onnx"));
        args.set(output, rebuilt.toString());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AdderCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(AdderCli.route(args.toArray(String[]::new)));

        assertEquals(0, status, card + ": " + out + err);
        Path shipped = card.resolveSibling(card.getFileName().toString().replace(".md", ".onnx"));
        assertArrayEquals(Files.readAllBytes(shipped), Files.readAllBytes(rebuilt), card + "'s command no longer "
                + "rebuilds " + shipped + " byte for byte:\n" + out);
        String rebuiltCard = Files.readString(ModelFiles.card(rebuilt)).replace(rebuilt.toString(), shippedOutput);
        assertEquals(CardText.withoutTimings(shippedCard), CardText.withoutTimings(rebuiltCard), card + " is not what its command "
                + "writes today; rerun the command in its Rebuild section");
    }

    /** The arguments of the card's launcher line, as the card gives them. */
    private static List<String> rebuildArguments(Path card, String text) {
        List<String> lines = text.lines().filter(line -> line.startsWith(LAUNCHER)).toList();
        assertEquals(1, lines.size(), card + " names its rebuild command once, through the launcher: " + lines);
        List<String> args = new ArrayList<>(Arrays.asList(lines.get(0).substring(LAUNCHER.length()).split(" ")));
        assertTrue(args.contains("--output"), card + ": " + args);
        return args;
    }
}
