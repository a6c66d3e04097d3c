package io.neuraladder.load;

import io.neuraladder.api.ModelIntegrityException;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.common.Names;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The bytes of a model and a name for them in messages. Reading the bytes in Java first lets us
 * refuse missing, empty and oversized files with a clear message before native code sees them.
 */
public record ModelSource(String name, byte[] bytes) {

    public static ModelSource read(Path file, long maxBytes) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new ModelLoadException("model path " + name + " is a directory; pass the .onnx file itself");
            }
            long size = Files.size(file);
            requireSize(name, size, maxBytes);
            return new ModelSource(name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("model file " + name + " does not exist (looked at "
                    + file.toAbsolutePath() + ")", e);
        } catch (AccessDeniedException e) {
            throw new ModelLoadException("model file " + name + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new ModelLoadException("model file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static ModelSource bundled(String fileName, long maxBytes) {
        String resource = Names.BUNDLED_MODELS + fileName;
        String name = "bundled model " + fileName;
        try (InputStream in = ModelSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelLoadException(name + " is missing from the classpath (resource " + resource
                        + "); the adder-runtime jar was built without models/" + fileName);
            }
            byte[] bytes = in.readAllBytes();
            requireSize(name, bytes.length, maxBytes);
            return new ModelSource(name, bytes);
        } catch (IOException e) {
            throw new ModelLoadException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of the bytes, lowercase hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Returns this source if its SHA-256 is {@code expectedHex} (any case); throws otherwise. */
    public ModelSource requireSha256(String expectedHex) {
        String actual = sha256();
        if (!actual.equalsIgnoreCase(expectedHex)) {
            throw new ModelIntegrityException("model " + name + " has SHA-256 " + actual + " but is pinned to "
                    + expectedHex.toLowerCase(Locale.ROOT) + "; refusing it before it reaches ONNX Runtime");
        }
        return this;
    }

    private static void requireSize(String name, long size, long maxBytes) {
        if (size == 0) {
            throw new ModelLoadException("model file " + name + " is empty (0 bytes); expected an ONNX model");
        }
        if (size > maxBytes) {
            throw new ModelLoadException("model file " + name + " is " + size + " bytes, over the limit of "
                    + maxBytes + " bytes; neural-adder models are a few KB. Raise the limit with "
                    + "NeuralAdder.builder().maxModelBytes(...) if the file is trusted");
        }
    }
}
