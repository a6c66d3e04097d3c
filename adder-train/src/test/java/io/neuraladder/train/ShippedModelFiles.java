package io.neuraladder.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code .onnx} files in the repository's {@code models/}: the binary adders at its top, the
 * decimal adder in {@code models/decimal/} (Surefire runs in the module directory).
 */
public final class ShippedModelFiles {

    /** The default model, {@code models/adder-lstm.onnx}. */
    public static final Path DEFAULT = Path.of("..", "models", "adder-lstm.onnx");

    private ShippedModelFiles() {}

    /** Every shipped model file, binary and decimal, sorted by path. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.walk(Path.of("..", "models"), 2)) {
            return files.filter(f -> f.toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
