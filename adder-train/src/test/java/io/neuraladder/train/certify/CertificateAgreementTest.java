package io.neuraladder.train.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.neuraladder.NeuralAdder;
import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.load.CertificateFiles;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.ShippedModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import onnx.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime's checker ({@code io.neuraladder.proof}) and this module's own verifier
 * ({@link CertificateVerifier}) reach the same verdict, naming the same condition, on every shipped
 * model and on a catalogue of tampered copies of each binary one. Two implementations that share
 * only the contract's constants agreeing on every file is the evidence that neither has a bug the
 * other would not see.
 */
class CertificateAgreementTest {

    @TempDir
    Path temp;

    static List<Path> shippedModels() {
        return ShippedModelFiles.all();
    }

    static List<Path> binaryModels() {
        return shippedModels().stream().filter(model -> !model.toString().contains("decimal")).toList();
    }

    /** A verdict reduced to what both sides state: "holds", or the name of the first condition that fails. */
    private static String runtimeVerdict(Path model) {
        try {
            CertificateCheck check = NeuralAdder.checkCertificate(model, ShippedModelFiles.operator(model));
            assertTrue(check.regions() > 0, check.toString());
            return "holds";
        } catch (ModelCertificateException refusal) {
            return refusal.condition().name();
        }
    }

    private static String trainingVerdict(Path model) throws IOException {
        Onnx.ModelProto proto = Onnx.ModelProto.parseFrom(Files.readAllBytes(model));
        CertificateVerifier.Verdict verdict = CertificateVerifier.verify(CellWeights.fromModel(proto,
                model.toString()), CertificateVerifier.embeddedProof(proto).orElse(null), ShippedModelFiles.operator(model));
        return verdict.holds() ? "holds" : verdict.condition();
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void everyShippedModel_isProvedByBoth(Path model) throws IOException {
        assertEquals("holds", runtimeVerdict(model), model.toString());
        assertEquals("holds", trainingVerdict(model), model.toString());
    }

    @ParameterizedTest
    @MethodSource("binaryModels")
    void everyTamperedCopy_isRefusedByBoth_forTheSameReason(Path model) throws IOException {
        List<String> disagreements = new ArrayList<>();
        int refused = 0;
        for (Tampered tampered : catalogue(model)) {
            String runtime = runtimeVerdict(tampered.file());
            String training = trainingVerdict(tampered.file());
            if (!runtime.equals(training)) {
                disagreements.add(tampered.name() + ": runtime " + runtime + ", training side " + training);
            }
            if (!runtime.equals("holds")) {
                refused++;
            } else {
                assertTrue(tampered.mayHold(), tampered.name() + " must be refused");
            }
        }
        System.out.printf("%s: %d tampered copies, %d refused by both, %d disagreements%n", model.getFileName(),
                catalogue(model).size(), refused, disagreements.size());
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }

    @Test
    void anotherModelsCertificate_isRefusedByBoth() throws IOException {
        for (Path into : binaryModels()) {
            for (Path from : binaryModels()) {
                if (into.equals(from)) {
                    continue;
                }
                Path file = CertificateFiles.withProof(CertificateFiles.read(into),
                        CertificateFiles.proof(CertificateFiles.read(from)),
                        temp.resolve(from.getFileName() + "-into-" + into.getFileName()));
                String runtime = runtimeVerdict(file);
                assertFalse(runtime.equals("holds"), file.toString());
                assertEquals(runtime, trainingVerdict(file), file.toString());
            }
        }
    }

    /** A tampered copy; {@code mayHold} for changes a sound proof may survive (tiny weight noise). */
    private record Tampered(String name, Path file, boolean mayHold) {}

    private List<Tampered> catalogue(Path model) {
        ModelProto original = CertificateFiles.read(model);
        String proof = CertificateFiles.proof(original);
        String stem = model.getFileName().toString();
        List<Tampered> files = new ArrayList<>();
        for (double noise : new double[] {1e-6, 1e-3, 0.02, 0.05, 0.15, 0.5}) {
            for (long seed = 1; seed <= 2; seed++) {
                String name = stem + "-noise-" + noise + "-seed-" + seed + ".onnx";
                files.add(new Tampered(name, CertificateFiles.withWeightNoise(original, noise, seed,
                        temp.resolve(name)), noise < 0.01));
            }
        }
        files.add(changed(original, proof, stem + "-shrunk", d -> {
            CertificateFiles.Decoded.Region region = d.regions.get(d.regions.size() / 2);
            region.low[0] = region.high[0] - (region.high[0] - region.low[0]) / 64;
        }));
        files.add(changed(original, proof, stem + "-removed", d -> d.regions.remove(d.regions.size() - 1)));
        files.add(changed(original, proof, stem + "-redirected", d -> {
            CertificateFiles.Decoded.Region first = d.regions.get(0);
            CertificateFiles.Decoded.Region last = d.regions.get(d.regions.size() - 1);
            float[][] box = {first.low, first.high};
            first.low = last.low;
            first.high = last.high;
            last.low = box[0];
            last.high = box[1];
        }));
        files.add(changed(original, proof, stem + "-claim-flipped", d -> {
            CertificateFiles.Decoded.Region region = d.regions.get(1);
            region.claimedDigit = (region.claimedDigit + 1) % d.radix;
        }));
        files.add(changed(original, proof, stem + "-state-margin", d -> d.stateMargin = 0));
        files.add(changed(original, proof, stem + "-logit-margin", d -> d.logitMargin = 1e-9));
        files.add(changed(original, proof, stem + "-version-2", d -> d.version = 2));
        files.add(changed(original, proof, stem + "-method-2", d -> d.method = 2));
        files.add(changed(original, proof, stem + "-history-9", d -> d.history = 9));
        byte[] compressed = Base64.getDecoder().decode(proof);
        byte[] garbled = compressed.clone();
        garbled[garbled.length / 2] ^= 0x5A;
        files.add(withProof(original, stem + "-garbled", Base64.getEncoder().encodeToString(garbled)));
        files.add(withProof(original, stem + "-truncated", proof.substring(0, proof.length() / 2)));
        files.add(withProof(original, stem + "-not-base64", "proved!"));
        files.add(withProof(original, stem + "-missing", null));
        return files;
    }

    private Tampered changed(ModelProto original, String proof, String name, Consumer<CertificateFiles.Decoded> change) {
        CertificateFiles.Decoded decoded = CertificateFiles.decode(proof);
        change.accept(decoded);
        return withProof(original, name, decoded.encode());
    }

    private Tampered withProof(ModelProto original, String name, String proof) {
        return new Tampered(name, CertificateFiles.withProof(original, proof, temp.resolve(name + ".onnx")), false);
    }
}
