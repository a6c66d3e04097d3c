package io.neuraladder.train.cli;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import io.neuraladder.train.certify.EmbeddedCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
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
                "Exits 0 when every proof holds (and, with --embed, was embedded), 1 otherwise."})
final class CertifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "ONNX model files to certify")
    private Path[] models;

    @Option(names = "--embed", description = "write the proof into each model file and update its card")
    private boolean embed;

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
            out.printf("embedded in the file: %s%n%n", embedded(model, proto, certificate));
            if (embed) {
                failures += embed(out, model, certificate) ? 0 : 1;
            } else {
                failures += certificate.proved() ? 0 : 1;
            }
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    /** What the file carries now, as the runtime's kernel judges it: the same check as at every load. */
    private static String embedded(Path model, ModelProto proto, Certificate found) throws IOException {
        String proof = EmbeddedCertificate.embeddedProof(proto).orElse(null);
        if (proof == null) {
            return "no proof, so the runtime refuses this file unless allowed uncertified (add it with --embed)";
        }
        try {
            NeuralAdder.checkCertificate(Files.readAllBytes(model), model.toString(), operator(proto));
            return (proof.equals(found.proof()) ? "this proof, byte for byte" : "a proof that checks")
                    + " (the runtime's kernel accepts it, and checks it again at every load)";
        } catch (ModelLoadException refused) {
            return "a proof the runtime's kernel REFUSES (" + refused.getMessage() + "); replace it with --embed";
        }
    }

    /** The operator the file says it computes: the one its proof must hold for. */
    private static Operator operator(ModelProto proto) {
        return proto.getMetadataPropsList().stream().filter(e -> e.getKey().equals(MetadataKey.OPERATOR.key()))
                .map(e -> Operator.fromMetadata(e.getValue())).findFirst().orElse(Operator.ADD);
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
