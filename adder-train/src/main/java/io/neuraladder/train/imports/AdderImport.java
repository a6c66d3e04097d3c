package io.neuraladder.train.imports;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.ModelCard;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import io.neuraladder.train.certify.PieceCoverSearch;
import io.neuraladder.train.export.OnnxExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a recurrent adder exported by another framework and judges it: the weights are written
 * as a model file in this project's contract, then the box certificate search tries to prove it
 * exact for inputs of every length; when it cannot, a counterexample search looks for operands it
 * gets wrong, replayed through ONNX Runtime on the written file, and when none is found, the
 * search for a cover by pieces tries to prove it (checked by the runtime's kernel before it
 * counts). One of three verdicts follows.
 */
public final class AdderImport {

    /** The importer's judgement of a network. */
    public enum Verdict {
        /** Exact for inputs of every length: the certificate is embedded and the runtime serves the file. */
        PROVED(0),
        /** Wrong on a concrete pair, which ONNX Runtime confirms on the written file. */
        REFUTED(1),
        /** Neither: no proof found, and no wrong answer either. */
        UNKNOWN(3);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The command's exit status for this verdict: 0, 1 or 3 (2 is picocli's usage error, 4 a refused file). */
        public int exitCode() {
            return exitCode;
        }

        /** The verdict as written in metadata and cards: {@code proved}, {@code refuted} or {@code unknown}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Seed of the counterexample search's random strings: a search repeats exactly. */
    public static final long SEARCH_SEED = 28;

    /** Strings up to this many bits that another operator gets all right reveal a mislabelled file. */
    private static final int OTHER_OPERATOR_BITS = 8;

    /**
     * What an import found.
     *
     * @param verdict proved, refuted or unknown
     * @param adder the network as read
     * @param operator the operator it was judged as
     * @param certificate the box search's result: a proof, or the shortfall
     * @param cover the search for a cover by pieces, where it ran (boxes not proved, no counterexample)
     * @param counterexample for a refuted network, the replayed counterexample
     * @param output the written model file
     * @param forgetting how slowly the network forgets: its slowest cycle of pairs, a diagnostic
     */
    public record Outcome(Verdict verdict, ImportedAdder adder, Operator operator, Certificate certificate,
            Optional<PieceCoverSearch.Result> cover, Optional<Counterexample> counterexample, Path output,
            SlowestCycle forgetting) {

        /** The first line of the command's output and of the card: the verdict and its evidence. */
        public String headline() {
            return switch (verdict) {
                case PROVED -> "PROVED: exact for inputs of every length (" + cover.filter(PieceCoverSearch.Result::closed)
                        .map(PieceCoverSearch.Result::summary).orElse(certificate.summary()) + ")";
                case REFUTED -> {
                    Counterexample c = counterexample.orElseThrow();
                    yield "REFUTED: " + c.expression(operator) + " gives " + c.networkGives() + ", exactly "
                            + c.exact() + " (" + c.call() + " on " + output.getFileName() + ", ONNX Runtime)";
                }
                case UNKNOWN -> "UNKNOWN: no proof and no counterexample found; boxes " + certificate.summary()
                        + cover.map(c -> "; " + c.summary()).orElse("");
            };
        }

        /** The certificate entries the written file carries: the proof that closed, or the shortfalls. */
        Map<MetadataKey, String> certificateMetadata() {
            if (cover.isPresent() && cover.get().closed()) {
                return cover.get().metadata();
            }
            Map<MetadataKey, String> metadata = new LinkedHashMap<>(certificate.metadata());
            cover.ifPresent(c -> metadata.put(MetadataKey.CERTIFICATE, "boxes " + certificate.summary() + "; "
                    + c.summary()));
            return metadata;
        }
    }

    private AdderImport() {}

    /**
     * Imports {@code source} as a model of {@code operator} into {@code output} (and its card),
     * and judges it.
     *
     * @throws ImportRefusedException if {@code source} is not a one-layer recurrent adder, or is
     *     exact for another operator but not this one
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static Outcome run(Path source, Path output, Operator operator) {
        return run(source, output, operator, PieceCoverSearch.Settings.defaults());
    }

    /** As {@link #run(Path, Path, Operator)}, with the cover search's settings given. */
    public static Outcome run(Path source, Path output, Operator operator, PieceCoverSearch.Settings coverSettings) {
        ImportedAdder adder;
        try {
            adder = ForeignAdderReader.read(Files.readAllBytes(source), source.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source, e);
        }
        requireOperator(adder, operator);
        SlowestCycle forgetting = SlowestCycle.of(adder.weights());
        Certificate certificate = new CarryCertifier(adder.weights(), operator).certify();
        if (certificate.proved()) {
            Outcome outcome = new Outcome(Verdict.PROVED, adder, operator, certificate, Optional.empty(),
                    Optional.empty(), output, forgetting);
            write(outcome);
            return outcome;
        }
        Outcome unknown = new Outcome(Verdict.UNKNOWN, adder, operator, certificate, Optional.empty(), Optional.empty(),
                output, forgetting);
        // Written now so that candidates are replayed on the very file a user gets; rewritten if one is confirmed.
        write(unknown);
        List<CounterexampleSearch.Candidate> candidates = CounterexampleSearch.search(adder.weights(), operator,
                forgetting, SEARCH_SEED);
        Optional<Counterexample> confirmed = Replay.firstConfirmed(output, operator, candidates);
        if (confirmed.isPresent()) {
            Outcome refuted = new Outcome(Verdict.REFUTED, adder, operator, certificate, Optional.empty(), confirmed,
                    output, forgetting);
            write(refuted);
            return refuted;
        }
        PieceCoverSearch.Result cover = PieceCoverSearch.searchThenSlowlyGrowing(adder.weights(), operator,
                coverSettings);
        Outcome judged = new Outcome(cover.closed() ? Verdict.PROVED : Verdict.UNKNOWN, adder, operator, certificate,
                Optional.of(cover), Optional.empty(), output, forgetting);
        write(judged);
        if (judged.verdict() == Verdict.PROVED) {
            try {
                NeuralAdder.checkCertificate(output, operator);
            } catch (ModelLoadException refused) {
                Outcome kernelRefused = new Outcome(Verdict.UNKNOWN, adder, operator, certificate, Optional.of(
                        refusedByKernel(cover, refused)), Optional.empty(), output, forgetting);
                write(kernelRefused);
                return kernelRefused;
            }
        }
        return judged;
    }

    /** The cover the search closed, as a shortfall: the runtime's kernel did not accept it. */
    private static PieceCoverSearch.Result refusedByKernel(PieceCoverSearch.Result cover, ModelLoadException refused) {
        return new PieceCoverSearch.Result(false, cover.pieces(), cover.processed(), cover.worstOutputMargin(),
                cover.millis(), "the search closed a cover of " + cover.pieces() + " pieces, but the runtime's kernel "
                        + "refused it: " + refused.getMessage(), null, cover.settings());
    }

    /** A network exact for another operator on every short string, and not for this one, is refused as mislabelled. */
    private static void requireOperator(ImportedAdder adder, Operator operator) {
        if (CounterexampleSearch.exactOnAllStrings(adder.weights(), operator, OTHER_OPERATOR_BITS)) {
            return;
        }
        for (Operator other : Operator.values()) {
            if (other != operator && CounterexampleSearch.exactOnAllStrings(adder.weights(), other, OTHER_OPERATOR_BITS)) {
                throw new ImportRefusedException(adder.source() + ": this network " + other.verb()
                        + " (it computes a " + other.symbol() + " b on every string of up to " + OTHER_OPERATOR_BITS
                        + " bit pairs) but was imported as " + operator.withArticle() + "; import it with --operator "
                        + other.cliName());
            }
        }
    }

    private static void write(Outcome outcome) {
        ImportedAdder adder = outcome.adder();
        Map<MetadataKey, String> metadata = new LinkedHashMap<>();
        metadata.put(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        metadata.put(MetadataKey.OPERATOR, outcome.operator().metadataName());
        metadata.put(MetadataKey.CELL, adder.weights().cell().metadataName());
        metadata.put(MetadataKey.HIDDEN_SIZE, Integer.toString(adder.weights().hidden()));
        metadata.put(MetadataKey.PRODUCER_VERSION, OnnxExport.PRODUCER + " " + OnnxExport.producerVersion() + " import");
        metadata.put(MetadataKey.SOURCE_PRODUCER, adder.producer());
        metadata.put(MetadataKey.SOURCE_SHA256, adder.sha256());
        metadata.put(MetadataKey.IMPORT_VERDICT, outcome.headline());
        outcome.counterexample().ifPresent(c -> metadata.put(MetadataKey.IMPORT_COUNTEREXAMPLE, c.a() + " " + c.b()));
        metadata.putAll(outcome.certificateMetadata());
        byte[] bytes = OnnxExport.toModel(adder.weights(), metadata).toByteArray();
        try {
            Path output = outcome.output().toAbsolutePath();
            Files.createDirectories(output.getParent());
            // Not a temporary file: that one is private to its owner, and the model and its card are for sharing.
            Path partial = output.resolveSibling(output.getFileName() + "." + ProcessHandle.current().pid()
                    + ".partial");
            Files.write(partial, bytes);
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(ModelCard.path(output), ImportCard.text(outcome));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + outcome.output(), e);
        }
    }
}
