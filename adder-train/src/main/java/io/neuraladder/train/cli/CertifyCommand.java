package io.neuraladder.train.cli;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code certify}: proves a model file exact for inputs of every length, or names where the proof fails. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Reads the weights (RNN, GRU or LSTM; binary or decimal adder) from an ONNX model file and "
                + "tries to prove, with interval arithmetic over carry regions, that it adds exactly for inputs of "
                + "every length. Binary proofs take milliseconds; a decimal proof with label history 2, minutes.",
                "Exits 0 when the proof holds, 1 when it fails (naming the transition and by how much)."})
final class CertifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "ONNX model files to certify")
    private Path[] models;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        for (Path model : models) {
            Certificate certificate = new CarryCertifier(CellWeights.read(model)).certify();
            out.printf("certificate for %s%n%n%s%n", model, certificate.report());
            out.flush();
            failures += certificate.proved() ? 0 : 1;
        }
        return failures == 0 ? 0 : 1;
    }
}
