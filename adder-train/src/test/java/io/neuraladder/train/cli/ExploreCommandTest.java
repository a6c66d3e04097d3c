package io.neuraladder.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.MetadataKey;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore --png}: the page's figures as a PNG, from the command line, and its refusals. */
class ExploreCommandTest {

    private static final Path DECIMAL = Path.of("..", "models", "decimal", "adder-decimal.onnx");

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int explore(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "explore";
        System.arraycopy(args, 0, command, 1, args.length);
        return AdderCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(command);
    }

    private static BufferedImage image(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() > 500, png + " is a PNG");
        return image;
    }

    @Test
    void drawsTheDefaultModelCarryingThroughAllThirtyTwoBits() throws IOException {
        Path png = temp.resolve("figures").resolve("overflow.png");
        assertEquals(0, explore("--png", png.toString(), "2147483647", "1"), err.toString());
        assertTrue(out.toString().contains("2147483647 + 1 overflows (integer overflow; wrapped -2147483648) on "
                + "adder-lstm.onnx in 32 steps"), out.toString());
        BufferedImage image = image(png);
        assertTrue(image.getHeight() > 2 * 500, "the heat map and the state space, one above the other");
    }

    @Test
    void drawsLongsAndDecimalDigits() throws IOException {
        Path longs = temp.resolve("longs.png");
        assertEquals(0, explore("--width", "long", "--png", longs.toString(), "--", "-1", "1"), err.toString());
        assertTrue(out.toString().contains("-1 + 1 = 0 on adder-lstm.onnx in 64 steps"), out.toString());
        image(longs);
        Path digits = temp.resolve("digits.png");
        assertEquals(0, explore("--png", digits.toString(), DECIMAL.toString(), "9999", "1"), err.toString());
        assertTrue(out.toString().contains("9999 + 1 = 10000 on adder-decimal.onnx in 5 steps"), out.toString());
        image(digits);
        Path hex = temp.resolve("hex.png");
        assertEquals(0, explore("--png", hex.toString(), Path.of("..", "models", "radix16", "adder-radix16.onnx")
                .toString(), "f", "1"), err.toString());
        assertTrue(out.toString().contains("0xf + 0x1 = 0x10 on adder-radix16.onnx in 2 steps"), out.toString());
        image(hex);
    }

    @Test
    void drawsAnUncertifiedModelWithoutAStateSpace() throws IOException {
        ModelProto shipped = ModelProto.parseFrom(Files.readAllBytes(Path.of("..", "models", "adder-gru.onnx")));
        ModelProto.Builder plain = shipped.toBuilder().clearMetadataProps();
        shipped.getMetadataPropsList().stream()
                .filter(entry -> !entry.getKey().equals(MetadataKey.CERTIFICATE_PROOF.key()))
                .forEach(plain::addMetadataProps);
        Path model = temp.resolve("plain-gru.onnx");
        Files.write(model, plain.build().toByteArray());
        Path png = temp.resolve("plain.png");
        assertEquals(0, explore("--png", png.toString(), model.toString(), "7", "-3"), err.toString());
        assertTrue(out.toString().contains("7 + -3 = 4 on plain-gru.onnx in 32 steps"), out.toString());
        assertTrue(image(png).getHeight() < 2 * 500, "no certificate, so only the heat map");
    }

    @Test
    void refusesBadOperandsAndArgumentsWithoutWritingAFile() {
        Path png = temp.resolve("never.png");
        assertEquals(2, explore("--png", png.toString(), "abc", "1"));
        assertTrue(err.toString().contains("operand a = \"abc\" is not an integer"), err.toString());
        assertEquals(2, explore("--png", png.toString(), "--width", "int", "3000000000", "1"));
        assertTrue(err.toString().contains("operand a = 3000000000 does not fit in an int"), err.toString());
        assertEquals(2, explore("--png", png.toString(), DECIMAL.toString(), "12x", "1"));
        assertTrue(err.toString().contains("has 'x' (U+0078) at index 2, which is not a digit"), err.toString());
        assertEquals(2, explore("--png", png.toString(), "1"));
        assertTrue(err.toString().contains("--png takes [MODEL] A B"), err.toString());
        assertEquals(2, explore("model.onnx", "1"));
        assertTrue(err.toString().contains("explore takes at most one MODEL"), err.toString());
        assertFalse(Files.exists(png));
    }

    @Test
    void refusesAModelFileTheRuntimeRefuses() throws IOException {
        Path missing = temp.resolve("missing.onnx");
        assertEquals(1, explore("--png", temp.resolve("x.png").toString(), missing.toString(), "1", "2"));
        assertTrue(err.toString().contains("explore: model file " + missing + " cannot be read"), err.toString());
        Path garbage = temp.resolve("garbage.onnx");
        Files.writeString(garbage, "not a model");
        assertEquals(1, explore("--port", "0", garbage.toString()));
        assertTrue(err.toString().contains("explore: model file " + garbage), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }
}
