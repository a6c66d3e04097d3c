package io.neuraladder.train;

import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import onnx.Onnx.ModelProto;

/**
 * The {@code .onnx} files in the repository's {@code models/}: the binary adders and subtractor at
 * its top, the digit-serial models in {@code models/decimal/} and {@code models/radix16/}
 * (Surefire runs in the module directory).
 */
public final class ShippedModelFiles {

    /** The default model, {@code models/adder-lstm.onnx}. */
    public static final Path DEFAULT = Path.of("..", "models", "adder-lstm.onnx");

    private ShippedModelFiles() {}

    /** The operator a model file says it computes ({@code add} when it says nothing). */
    public static Operator operator(Path model) {
        try {
            return ModelProto.parseFrom(Files.readAllBytes(model)).getMetadataPropsList().stream()
                    .filter(e -> e.getKey().equals(MetadataKey.OPERATOR.key()))
                    .map(e -> Operator.fromMetadata(e.getValue())).findFirst().orElse(Operator.ADD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every shipped model file, binary and decimal, sorted by path. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.walk(Path.of("..", "models"), 2)) {
            return files.filter(f -> f.toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
