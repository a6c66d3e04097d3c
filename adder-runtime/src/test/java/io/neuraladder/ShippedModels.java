package io.neuraladder;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository's {@code models/} directory (Surefire runs in the module directory). */
final class ShippedModels {

    static final Path DIRECTORY = Path.of("..", "models");

    static final Path DEFAULT = DIRECTORY.resolve(NeuralAdder.BUNDLED_MODEL);

    private ShippedModels() {}

    static Path requireDefault() {
        if (!Files.isRegularFile(DEFAULT)) {
            throw new IllegalStateException("the shipped model " + DEFAULT.toAbsolutePath() + " is missing");
        }
        return DEFAULT;
    }
}
