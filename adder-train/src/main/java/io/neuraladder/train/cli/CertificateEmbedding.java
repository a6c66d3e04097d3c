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
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        Map<MetadataKey, String> replacing = certificate.metadata();
        Set<String> replaced = replacing.keySet().stream().map(MetadataKey::key).collect(Collectors.toSet());
        ModelProto.Builder updated = proto.toBuilder().clearMetadataProps();
        proto.getMetadataPropsList().stream().filter(e -> !replaced.contains(e.getKey()))
                .forEach(updated::addMetadataProps);
        replacing.forEach((key, value) -> updated.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key.key()).setValue(value)));
        Path temporary = Files.createTempFile(model.toAbsolutePath().getParent(), model.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, updated.build().toByteArray());
            if (Files.getFileStore(model).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(model));
            }
            Files.move(temporary, model, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Rewrites the certificate line, the SHA-256 row and the certificate report of the model's
     * card, if it has one in the format {@code train} writes; returns whether it did.
     */
    static boolean updateCard(Path model, Certificate certificate) throws IOException {
        Path card = ModelFiles.card(model);
        if (!Files.isRegularFile(card)) {
            return false;
        }
        String text = Files.readString(card, StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(ModelFiles.sha256(model));
        String updated = CARD_STATEMENT.matcher(text).replaceFirst(
                Matcher.quoteReplacement("**Certificate:** " + certificate.cardStatement()));
        updated = CARD_SHA.matcher(updated).replaceFirst(Matcher.quoteReplacement("| SHA-256 | `" + sha + "` |"));
        updated = CARD_REPORT.matcher(updated).replaceFirst("$1" + Matcher.quoteReplacement(certificate.report()) + "$2");
        Files.writeString(card, updated, StandardCharsets.UTF_8);
        return true;
    }
}
