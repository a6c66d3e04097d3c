package io.neuraladder.train.cli;

import io.neuraladder.contract.MetadataKey;
import io.neuraladder.train.certify.Certificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;

/**
 * Puts a proved certificate into an existing model file, and its summary, SHA-256 and report into
 * the model card beside it. The file is rewritten atomically (a sibling temporary file moved over
 * it), so it is either as it was or complete; its weights and graph are untouched.
 */
final class CertificateEmbedding {

    private static final Pattern CARD_STATEMENT = Pattern.compile("(?m)^\\*\\*Certificate:\\*\\* .*$");
    private static final Pattern CARD_SHA = Pattern.compile("(?m)^\\| SHA-256 \\| `[0-9a-f]{64}` \\|$");
    private static final Pattern CARD_REPORT = Pattern.compile("(?s)(## Certificate\\n\\n```\\n).*?(```\\n)");

    private CertificateEmbedding() {}

    /**
     * Replaces the file's certificate metadata with {@code certificate}'s summary and proof.
     *
     * @throws IllegalArgumentException if the certificate is not proved
     */
    static void embed(Path model, Certificate certificate) throws IOException {
        if (!certificate.proved()) {
            throw new IllegalArgumentException("only a proved box certificate can be embedded");
        }
        embed(model, certificate.metadata());
    }

    /** Replaces the file's entries for the keys of {@code replacing} (a proof and its summary) with its values. */
    static void embed(Path model, Map<MetadataKey, String> replacing) throws IOException {
        byte[] updated = withMetadata(model, replacing);
        Path temporary = Files.createTempFile(model.toAbsolutePath().getParent(), model.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, updated);
            if (Files.getFileStore(model).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(model));
            }
            Files.move(temporary, model, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The model file's bytes with the entries for the keys of {@code replacing} replaced by its values. */
    static byte[] withMetadata(Path model, Map<MetadataKey, String> replacing) throws IOException {
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        Set<String> replaced = replacing.keySet().stream().map(MetadataKey::key).collect(Collectors.toSet());
        ModelProto.Builder updated = proto.toBuilder().clearMetadataProps();
        proto.getMetadataPropsList().stream().filter(e -> !replaced.contains(e.getKey()))
                .forEach(updated::addMetadataProps);
        replacing.forEach((key, value) -> updated.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key.key()).setValue(value)));
        return updated.build().toByteArray();
    }

    /**
     * Rewrites the certificate line, the SHA-256 row and the certificate report of the model's
     * card, if it has one in the format {@code train} writes; returns whether it did.
     */
    static boolean updateCard(Path model, Certificate certificate) throws IOException {
        return updateCard(model, certificate.cardStatement(), certificate.report());
    }

    /** As {@link #updateCard(Path, Certificate)}, with the certificate line's statement and the report given. */
    static boolean updateCard(Path model, String statement, String report) throws IOException {
        Path card = ModelFiles.card(model);
        if (!Files.isRegularFile(card)) {
            return false;
        }
        String text = Files.readString(card, StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(ModelFiles.sha256(model));
        String updated = CARD_STATEMENT.matcher(text).replaceFirst(
                Matcher.quoteReplacement("**Certificate:** " + statement));
        updated = CARD_SHA.matcher(updated).replaceFirst(Matcher.quoteReplacement("| SHA-256 | `" + sha + "` |"));
        updated = CARD_REPORT.matcher(updated).replaceFirst("$1" + Matcher.quoteReplacement(report) + "$2");
        Files.writeString(card, updated, StandardCharsets.UTF_8);
        return true;
    }
}
