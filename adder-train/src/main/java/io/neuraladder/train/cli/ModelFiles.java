package io.neuraladder.train.cli;

import io.neuraladder.train.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** What the training commands need to know about the model files they write. */
public final class ModelFiles {

    private ModelFiles() {}

    /** The SHA-256 of {@code file}'s bytes. */
    public static byte[] sha256(Path file) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The model card beside {@code model}: {@code adder.onnx} → {@code adder.md}. */
    public static Path card(Path model) {
        return ModelCard.path(model);
    }
}
