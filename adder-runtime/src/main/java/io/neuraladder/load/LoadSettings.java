package io.neuraladder.load;

import java.nio.file.Path;

/**
 * What a builder chose for one model: the file (or the bundled resource), the limits and pin that
 * the bytes are checked against before anything else, and how the sessions run.
 *
 * @param file the model file; {@code null} for the bundled resource
 * @param bundled the resource below {@code io/neuraladder/models/} used when {@code file} is null
 * @param maxModelBytes the size limit
 * @param sha256 the SHA-256 pin, or {@code null}
 * @param options how the sessions run and what may be served
 */
public record LoadSettings(Path file, String bundled, long maxModelBytes, String sha256, LoadOptions options) {

    /** The bytes to load, read and pinned. */
    public ModelSource source() {
        ModelSource source = file == null ? ModelSource.bundled(bundled, maxModelBytes)
                : ModelSource.read(file, maxModelBytes);
        if (sha256 != null) {
            source.requireSha256(sha256);
        }
        return source;
    }

    /** These settings for another file, pinned to {@code pin} (or unpinned when null). */
    public LoadSettings withFile(Path other, String pin) {
        return new LoadSettings(other, bundled, maxModelBytes, pin, options);
    }
}
