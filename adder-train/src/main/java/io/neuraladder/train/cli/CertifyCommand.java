package io.neuraladder.train.cli;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import io.neuraladder.train.certify.CertificateVerifier;
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
            CellWeights weights = CellWeights.fromModel(proto, model.toString());
            Certificate certificate = new CarryCertifier(weights).certify();
            out.printf("certificate for %s%n%n%s%n", model, certificate.report());
            out.printf("embedded in the file: %s%n%n", embedded(weights, proto, certificate));
            if (embed) {
                failures += embed(out, model, certificate) ? 0 : 1;
            } else {
                failures += certificate.proved() ? 0 : 1;
            }
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    /** What the file carries now, as this module's verifier reads it; the runtime checks the same at load. */
    private static String embedded(CellWeights weights, ModelProto proto, Certificate found) {
        String proof = CertificateVerifier.embeddedProof(proto).orElse(null);
        if (proof == null) {
            return "no proof, so the runtime refuses this file unless allowed uncertified (add it with --embed)";
        }
        if (proof.equals(found.proof())) {
            return "this proof, byte for byte (the runtime checks it again at every load)";
        }
        CertificateVerifier.Verdict verdict = CertificateVerifier.verify(weights, proof);
        return verdict.holds() ? "a proof that checks (the runtime checks it again at every load)"
                : "a proof that does NOT check (" + verdict.condition() + ": " + verdict.message()
                        + "), so the runtime refuses this file; replace it with --embed";
    }

    private static boolean embed(PrintWriter out, Path model, Certificate certificate) throws IOException {
        if (!certificate.embeddable()) {
            out.printf("not embedded: %s; %s is unchanged%n%n", certificate.proved()
                    ? "this proof (" + certificate.method() + ") has no form the runtime can check" : "no proof",
                    model);
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
