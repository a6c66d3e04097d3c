package io.neuraladder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the tests find the repository's {@code models/} directory (Surefire runs in the module directory). */
public final class ShippedModels {

    public static final Path DIRECTORY = Path.of("..", "models");

    public static final Path DEFAULT = DIRECTORY.resolve(NeuralAdder.BUNDLED_MODEL);

    private ShippedModels() {}

    public static Path requireDefault() {
        if (!Files.isRegularFile(DEFAULT)) {
            throw new IllegalStateException("the shipped model " + DEFAULT.toAbsolutePath() + " is missing");
        }
        return DEFAULT;
    }

    /** The shipped decimal adder, in {@code models/decimal/}. */
    public static final Path DECIMAL = DIRECTORY.resolve(NeuralAdder.BUNDLED_DECIMAL_MODEL);

    /** The shipped radix-16 adder (four bits per step), in {@code models/radix16/}. */
    public static final Path RADIX16 = DIRECTORY.resolve("radix16").resolve("adder-radix16.onnx");

    /**
     * Every binary adder: the {@code .onnx} files directly in {@code models/}, sorted by name; RNN,
     * GRU and LSTM models alike.
     */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.getFileName().toString().startsWith("adder-")
                    && f.getFileName().toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped binary subtractor. */
    public static final Path SUBTRACTOR = DIRECTORY.resolve(NeuralMath.BUNDLED_SUBTRACTOR);

    /** The shipped decimal subtractor. */
    public static final Path DECIMAL_SUBTRACTOR = DIRECTORY.resolve(NeuralMath.BUNDLED_DECIMAL_SUBTRACTOR);

    /** A shipped model other than the default, for swapping. */
    public static Path another() {
        return all().stream().filter(f -> !f.equals(DEFAULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("models/ holds only one model"));
    }

    /**
     * The test JVM's classes as one class path, for a child JVM: surefire runs the runtime's tests on
     * the module path (the runtime has a module-info), so {@code java.class.path} alone lacks it.
     */
    public static String testClasspath() {
        return Stream.of("jdk.module.path", "java.class.path").map(System::getProperty)
                .filter(path -> path != null && !path.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
