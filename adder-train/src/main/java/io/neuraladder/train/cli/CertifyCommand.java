package io.neuraladder.train.cli;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import io.neuraladder.train.certify.EmbeddedCertificate;
import io.neuraladder.train.certify.PieceCoverSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import onnx.Onnx.ModelProto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code certify}: proves a model file exact for inputs of every length, or names where the proof fails. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Reads the weights (RNN, GRU or LSTM; binary or decimal adder) from an ONNX model file and "
                + "tries to prove, with interval arithmetic over carry regions, that it adds exactly for inputs of "
                + "every length. Binary proofs take milliseconds; a decimal proof with label history 2, seconds.",
                "With --embed, writes the proof into the file (atomically; the file is unchanged when the proof "
                        + "fails) and updates the model card beside it: the runtime checks that proof at every load.",
                "With --pieces, where boxes do not prove a binary model, searches for a cover by pieces (the "
                        + "certificate 'import' writes for networks trained elsewhere) for up to --cover-seconds.",
                "Exits 0 when every proof holds (and, with --embed, was embedded), 1 otherwise."})
final class CertifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "ONNX model files to certify")
    private Path[] models;

    @Option(names = "--embed", description = "write the proof into each model file and update its card")
    private boolean embed;

    @Option(names = "--pieces", description = "where boxes do not prove a binary model, search for a cover by pieces")
    private boolean pieces;

    @Option(names = "--cover-seconds", paramLabel = "S", defaultValue = "25",
            description = "with --pieces, the longest search for a cover (default: ${DEFAULT-VALUE})")
    private int coverSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        for (Path model : models) {
            ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
            CellWeights weights;
            try {
                weights = CellWeights.fromModel(proto, model.toString());
            } catch (IllegalArgumentException refused) {
                out.printf("REFUSED: %s%n%n", refused.getMessage());
                failures++;
                continue;
            }
            Certificate certificate = new CarryCertifier(weights, operator(proto)).certify();
            out.printf("certificate for %s%n%n%s%n", model, certificate.report());
            Optional<PieceCoverSearch.Result> cover = Optional.empty();
            if (pieces && !certificate.proved() && weights.radix() == 2) {
                PieceCoverSearch.Settings defaults = PieceCoverSearch.Settings.defaults();
                cover = Optional.of(PieceCoverSearch.searchThenSlowlyGrowing(weights, operator(proto),
                        new PieceCoverSearch.Settings(defaults.history(), defaults.steps(), defaults.minRadius(),
                                defaults.grow(), defaults.maxPieces(), Duration.ofSeconds(coverSeconds))));
                out.printf("cover by pieces: %s%n%n", cover.get().summary());
            }
            String found = cover.filter(PieceCoverSearch.Result::closed).map(PieceCoverSearch.Result::proof)
                    .orElse(certificate.proof());
            out.printf("embedded in the file: %s%n%n", embedded(model, proto, found));
            boolean proved = certificate.proved() || cover.map(PieceCoverSearch.Result::closed).orElse(false);
            if (embed) {
                failures += (cover.isPresent() && proved ? embedCover(out, model, certificate, cover.get())
                        : embed(out, model, certificate)) ? 0 : 1;
            } else {
                failures += proved ? 0 : 1;
            }
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    /** What the file carries now, as the runtime's kernel judges it: the same check as at every load. */
    private static String embedded(Path model, ModelProto proto, String found) throws IOException {
        String proof = EmbeddedCertificate.embeddedProof(proto).orElse(null);
        if (proof == null) {
            return "no proof, so the runtime refuses this file unless allowed uncertified (add it with --embed)";
        }
        try {
            CertificateCheck check = NeuralAdder.checkCertificate(Files.readAllBytes(model), model.toString(),
                    operator(proto));
            return (proof.equals(found) ? "this proof, byte for byte" : "a proof that checks")
                    + " (the runtime's kernel accepts it, and checks it again at every load; " + check + ")";
        } catch (ModelLoadException refused) {
            return "a proof the runtime's kernel REFUSES (" + refused.getMessage() + "); replace it with --embed";
        }
    }

    /** The operator the file says it computes: the one its proof must hold for. */
    private static Operator operator(ModelProto proto) {
        return proto.getMetadataPropsList().stream().filter(e -> e.getKey().equals(MetadataKey.OPERATOR.key()))
                .map(e -> Operator.fromMetadata(e.getValue())).findFirst().orElse(Operator.ADD);
    }

    /** Embeds a cover the search closed, after the runtime's kernel has checked it in the rewritten file. */
    private static boolean embedCover(PrintWriter out, Path model, Certificate boxes, PieceCoverSearch.Result cover)
            throws IOException {
        byte[] updated = CertificateEmbedding.withMetadata(model, cover.metadata());
        try {
            NeuralAdder.checkCertificate(updated, model.toString(), operator(ModelProto.parseFrom(updated)));
        } catch (ModelLoadException refused) {
            out.printf("not embedded: the runtime's kernel refused the cover (%s); %s is unchanged%n%n",
                    refused.getMessage(), model);
            return false;
        }
        CertificateEmbedding.embed(model, cover.metadata());
        boolean card = CertificateEmbedding.updateCard(model, cover.summary() + "; embedded in the file, checked by "
                + "the runtime at every load.", boxes.report() + "\ncover by pieces: " + cover.summary() + "\n");
        out.printf(Locale.ROOT, "embedded the cover (%,d characters) in %s, now sha256 %s; the runtime checks it at "
                + "every load%s%n%n", cover.proof().length(), model, HexFormat.of().formatHex(ModelFiles.sha256(model)),
                card ? "; updated " + ModelFiles.card(model) : "");
        return true;
    }

    private static boolean embed(PrintWriter out, Path model, Certificate certificate) throws IOException {
        if (!certificate.proved()) {
            out.printf("not embedded: no proof; %s is unchanged%n%n", model);
            return false;
        }
        CertificateEmbedding.embed(model, certificate);
        boolean card = CertificateEmbedding.updateCard(model, certificate);
        out.printf(Locale.ROOT, "embedded the proof (%,d characters) in %s, now sha256 %s; the runtime checks it at "
                + "every load%s%n%n", certificate.proof().length(), model,
                HexFormat.of().formatHex(ModelFiles.sha256(model)), card ? "; updated " + ModelFiles.card(model) : "");
        return true;
    }
}
