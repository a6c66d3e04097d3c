package io.neuraladder.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The {@code .onnx} files in the repository's {@code models/} (Surefire runs in the module directory). */
public final class ShippedModelFiles {

    private ShippedModelFiles() {}

    /** Every shipped model file, sorted by name. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(Path.of("..", "models"))) {
            return files.filter(f -> f.toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
