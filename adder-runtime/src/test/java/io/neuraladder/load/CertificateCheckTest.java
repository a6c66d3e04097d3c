package io.neuraladder.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.Adder;
import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.CertificateCondition;
import io.neuraladder.api.DigitAdder;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.api.ModelSelfTestException;
import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import io.neuraladder.proof.CertificateChecker;
import io.neuraladder.proof.CertificateRejection;
import io.neuraladder.properties.AddExactProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The certificate check at load: every shipped model is served certified, and a catalogue of
 * tampered files is refused by default, each for the right reason; with
 * {@code allowUncertified()} the same files are loaded or refused by the self-test, never
 * certified.
 */
class CertificateCheckTest {

    private static final Set<CertificateCondition> PROOF_FAILURES = Set.of(CertificateCondition.START, CertificateCondition.CLOSURE, CertificateCondition.OUTPUT);

    @TempDir
    Path temp;

    static List<Path> shippedModels() {
        return ShippedModels.all();
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void everyShippedBinaryModel_isServedCertified_withTheCheckReported(Path model) {
        try (Adder adder = NeuralAdder.open(model)) {
            CertificateCheck check = adder.model().certificateCheck().orElseThrow();
            assertTrue(adder.model().certified());
            assertTrue(check.outputMargin() > 0 && check.stateSlack() > 0 && check.regions() > 0, check.toString());
            assertFalse(adder.model().metadata().containsKey("neuraladder.certificate.proof"),
                    "the certificate's bytes stay out of the reported metadata");
            System.out.println(model + ": " + check);
        }
    }

    @Test
    void shippedDecimalModel_isServedCertified() {
        try (DigitAdder adder = NeuralAdder.openDecimal(ShippedModels.DECIMAL)) {
            CertificateCheck check = adder.model().certificateCheck().orElseThrow();
            assertEquals(20_100, check.regions());
            assertEquals(20_100L * 100 + 100, check.transitions());
            System.out.println(ShippedModels.DECIMAL + ": " + check);
        }
    }

    @Test
    void staticDefault_isCertified() {
        assertTrue(NeuralAdder.defaultModel().certified());
    }

    @Test
    void missingCertificate_isRefused_namingTheFileAndTheOptOut() {
        Path file = CertificateFiles.withProof(CertificateFiles.read(ShippedModels.DEFAULT), null, temp.resolve("bare.onnx"));
        ModelCertificateException refusal = refused(file, CertificateCondition.MISSING);
        assertTrue(refusal.getMessage().contains(file.toString()) && refusal.getMessage().contains("allowUncertified"),
                refusal.getMessage());
        servedUncertifiedOrRefusedBySelfTest(file);
    }

    @Test
    void weightsChangedAfterCertification_areRefused_evenWhereTheSelfTestPasses() {
        List<Path> passingSelfTest = new ArrayList<>();
        for (Path model : ShippedModels.all()) {
            ModelProto proto = CertificateFiles.read(model);
            for (double noise : new double[] {0.05, 0.15, 0.5}) {
                for (long seed = 1; seed <= 4; seed++) {
                    Path file = CertificateFiles.withWeightNoise(proto, noise, seed,
                            temp.resolve(model.getFileName() + "-" + noise + "-" + seed + ".onnx"));
                    ModelCertificateException refusal = assertThrows(ModelCertificateException.class,
                            () -> NeuralAdder.open(file).close(), file::toString);
                    assertTrue(PROOF_FAILURES.contains(refusal.condition()), refusal.getMessage());
                    if (servedUncertifiedOrRefusedBySelfTest(file)) {
                        passingSelfTest.add(file);
                    }
                }
            }
        }
        System.out.println(passingSelfTest.size() + " of 48 noisy files pass the self-test, all refused by the check: "
                + passingSelfTest.stream().map(p -> p.getFileName().toString()).toList());
        assertFalse(passingSelfTest.isEmpty(), "some noisy file must pass the self-test, or the check adds nothing");
    }

    /**
     * The promise: a model file whose weights were changed, its metadata kept, is refused, or
     * served certified and then exact on every pair tried; never certified and wrong.
     */
    @Test
    void weightNoise_isNeverServedCertifiedAndWrong() {
        int certified = 0;
        int refused = 0;
        for (Path model : ShippedModels.all()) {
            ModelProto proto = CertificateFiles.read(model);
            for (double noise : new double[] {1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.03}) {
                Path file = CertificateFiles.withWeightNoise(proto, noise, 11,
                        temp.resolve(model.getFileName() + "-noise-" + noise + ".onnx"));
                try (Adder adder = NeuralAdder.open(file)) {
                    assertTrue(adder.model().certified());
                    AddExactProperty.assertHolds(file.toString(), adder::add, 20_000);
                    certified++;
                } catch (ModelCertificateException e) {
                    assertTrue(PROOF_FAILURES.contains(e.condition()), e.getMessage());
                    refused++;
                }
            }
        }
        System.out.printf("weight noise 1e-7..0.03: %d files served certified (and exact on 20,000 pairs each), "
                + "%d refused%n", certified, refused);
        assertTrue(certified > 0 && refused > 0, "the sizes span both outcomes");
    }

    @Test
    void shrunkBox_isRefused() {
        tampered("shrunk", d -> {
            CertificateFiles.Decoded.Region region = d.regions.get(d.regions.size() - 1);
            for (int j = 0; j < d.stateSize; j++) {
                float middle = (region.low[j] + region.high[j]) / 2;
                region.low[j] = middle;
                region.high[j] = middle;
            }
        }, CertificateCondition.START, CertificateCondition.CLOSURE);
    }

    @Test
    void removedRegion_isRefused() {
        ModelCertificateException refusal = tampered("removed", d -> d.regions.remove(d.regions.size() - 1),
                CertificateCondition.MISSING_REGION);
        assertTrue(refusal.getMessage().contains("has no region for the label"), refusal.getMessage());
    }

    @Test
    void redirectedSuccessor_isRefused() {
        // Two regions with the same sum bit trade labels: every transition into one now lands in
        // the other's box. The sum bits still match, so only the closure or start can catch it.
        tampered("redirected", d -> {
            CertificateFiles.Decoded.Region first = d.regions.get(0);
            CertificateFiles.Decoded.Region other = d.regions.stream()
                    .filter(r -> r != first && r.claimedDigit == first.claimedDigit).findFirst().orElseThrow();
            int[] pairs = first.pairs;
            int carry = first.carryIn;
            first.pairs = other.pairs;
            first.carryIn = other.carryIn;
            other.pairs = pairs;
            other.carryIn = carry;
        }, CertificateCondition.START, CertificateCondition.CLOSURE);
    }

    @Test
    void flippedSumBit_isRefused_byName() {
        ModelCertificateException refusal = tampered("flipped", d -> d.regions.get(3).claimedDigit ^= 1,
                CertificateCondition.SUM_DIGIT);
        assertTrue(refusal.getMessage().contains("claims sum digit"), refusal.getMessage());
    }

    @Test
    void changedMargins_areRefused() {
        tampered("state-margin", d -> d.stateMargin = 1e-6, CertificateCondition.MISMATCH);
        tampered("logit-margin", d -> d.logitMargin = 0, CertificateCondition.MISMATCH);
    }

    @Test
    void unknownFormatVersion_isRefused_sayingWhichVersionsAreRead() {
        ModelCertificateException refusal = tampered("version", d -> d.version = 2, CertificateCondition.MALFORMED);
        assertTrue(refusal.getMessage().contains("format version is 2"), refusal.getMessage());
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void theKernel_refusesEveryShippedAdder_checkedAsASubtractor(Path model) {
        StructureCheck.CheckedModel checked = StructureCheck.verify(ModelSource.read(model, Long.MAX_VALUE));
        String proof = checked.metadata().get(MetadataKey.CERTIFICATE_PROOF.key());
        CertificateChecker.check(checked.parameters(), proof, Operator.ADD);
        CertificateRejection refusal = assertThrows(CertificateRejection.class,
                () -> CertificateChecker.check(checked.parameters(), proof, Operator.SUBTRACT));
        assertTrue(refusal.getMessage().contains("by subtract's step") || refusal.getMessage().contains("borrow"),
                refusal.getMessage());
    }

    @Test
    void anAdderLabelledSubtract_isRefusedWhereAnAdderIsAskedFor_namingBothOperators() {
        Path relabelled = CertificateFiles.withMetadata(CertificateFiles.read(ShippedModels.DEFAULT),
                MetadataKey.OPERATOR, Operator.SUBTRACT.metadataName(), temp.resolve("labelled-subtract.onnx"));
        ModelContractException refusal = assertThrows(ModelContractException.class, () -> NeuralAdder.open(relabelled));
        assertTrue(refusal.getMessage().contains("computes subtract (metadata neuraladder.operator = subtract), but an "
                + "adder was expected; give it where a subtractor is asked for"), refusal.getMessage());
        assertThrows(ModelContractException.class, () -> NeuralAdder.checkCertificate(relabelled));
        Path unknown = CertificateFiles.withMetadata(CertificateFiles.read(ShippedModels.DEFAULT),
                MetadataKey.OPERATOR, "multiply", temp.resolve("labelled-multiply.onnx"));
        ModelContractException unknownRefusal = assertThrows(ModelContractException.class, () -> NeuralAdder.open(unknown));
        assertTrue(unknownRefusal.getMessage().contains("neuraladder.operator = multiply"), unknownRefusal.getMessage());
    }

    @Test
    void anotherModelsCertificate_isRefused() {
        ModelProto lstm = CertificateFiles.read(ShippedModels.DEFAULT);
        ModelProto lstmH3 = CertificateFiles.read(ShippedModels.DIRECTORY.resolve("adder-lstm-h3.onnx"));
        ModelProto gru = CertificateFiles.read(ShippedModels.DIRECTORY.resolve("adder-gru.onnx"));
        Path smallerState = CertificateFiles.withProof(lstm, CertificateFiles.proof(lstmH3), temp.resolve("h3-cert.onnx"));
        assertTrue(refused(smallerState, CertificateCondition.MISMATCH).getMessage().contains("state components"));
        // The GRU's 6 units and the 3-unit LSTM's (h, c) have the same size: checked, and refused.
        Path sameSize = CertificateFiles.withProof(lstmH3, CertificateFiles.proof(gru), temp.resolve("gru-cert.onnx"));
        assertTrue(PROOF_FAILURES.contains(refused(sameSize, null).condition()));
        servedUncertifiedOrRefusedBySelfTest(smallerState);
        servedUncertifiedOrRefusedBySelfTest(sameSize);
    }

    @Test
    void everyShippedCertificate_inEveryOtherBinaryModel_isRefusedByName() {
        for (Path into : ShippedModels.all()) {
            for (Path from : ShippedModels.all()) {
                if (!into.equals(from)) {
                    Path file = CertificateFiles.withProof(CertificateFiles.read(into),
                            CertificateFiles.proof(CertificateFiles.read(from)),
                            temp.resolve(from.getFileName() + "-in-" + into.getFileName()));
                    CertificateCondition condition = refused(file, null).condition();
                    assertTrue(condition == CertificateCondition.MISMATCH || PROOF_FAILURES.contains(condition),
                            file + ": " + condition);
                }
            }
        }
    }

    @Test
    void truncatedOrGarbledCertificateBytes_areRefused() {
        ModelProto model = CertificateFiles.read(ShippedModels.DEFAULT);
        String proof = CertificateFiles.proof(model);
        byte[] compressed = Base64.getDecoder().decode(proof);
        byte[] truncated = java.util.Arrays.copyOf(compressed, compressed.length / 2);
        byte[] garbled = compressed.clone();
        for (int i = 10; i < garbled.length; i += 7) {
            garbled[i] ^= 0x5A;
        }
        String[] broken = {
            Base64.getEncoder().encodeToString(truncated),
            Base64.getEncoder().encodeToString(garbled),
            "not base64 at all!",
            "",
            CertificateFiles.decode(proof).encode().substring(0, 40),
        };
        for (int i = 0; i < broken.length; i++) {
            Path file = CertificateFiles.withProof(model, broken[i], temp.resolve("broken-" + i + ".onnx"));
            ModelCertificateException refusal = refused(file, CertificateCondition.MALFORMED);
            assertTrue(refusal.getMessage().contains("malformed"), refusal.getMessage());
            servedUncertifiedOrRefusedBySelfTest(file);
        }
    }

    @Test
    void badBoxBounds_areRefused() {
        tampered("nan", d -> d.regions.get(0).low[0] = Float.NaN, CertificateCondition.MALFORMED);
        tampered("inverted", d -> {
            d.regions.get(0).low[0] = 1;
            d.regions.get(0).high[0] = -1;
        }, CertificateCondition.MALFORMED);
        tampered("huge", d -> {
            d.regions.get(0).low[0] = -3e38f;
            d.regions.get(0).high[0] = 3e38f;
        }, CertificateCondition.MALFORMED);
        tampered("repeated", d -> d.regions.add(d.regions.get(0)), CertificateCondition.MALFORMED);
    }

    @Test
    void refusedHotReload_leavesTheOldModelServing() {
        Path bare = CertificateFiles.withProof(CertificateFiles.read(ShippedModels.another()), null,
                temp.resolve("bare-other.onnx"));
        try (Adder adder = NeuralAdder.open(ShippedModels.DEFAULT)) {
            assertThrows(ModelCertificateException.class, () -> adder.reload(bare));
            assertTrue(adder.model().certified());
            assertTrue(adder.model().source().contains(ShippedModels.DEFAULT.getFileName().toString()));
            assertEquals(596, adder.add(535, 61));
            adder.reload(ShippedModels.another());
            assertTrue(adder.model().certified());
        }
    }

    @Test
    void decimalModel_withATamperedCertificate_isRefused() {
        ModelProto model = CertificateFiles.read(ShippedModels.DECIMAL);
        CertificateFiles.Decoded decoded = CertificateFiles.decode(CertificateFiles.proof(model));
        decoded.regions.get(1234).claimedDigit = (decoded.regions.get(1234).claimedDigit + 1) % 10;
        Path file = CertificateFiles.withProof(model, decoded.encode(), temp.resolve("decimal-flipped.onnx"));
        var refusal = assertThrows(ModelCertificateException.class, () -> NeuralAdder.openDecimal(file).close());
        assertEquals(CertificateCondition.SUM_DIGIT, refusal.condition());
        try (DigitAdder adder = NeuralAdder.builder().model(file).allowUncertified().buildDecimal()) {
            assertFalse(adder.model().certified());
            assertEquals("596", adder.add("535", "61"));
        }
    }

    private ModelCertificateException tampered(String name, Consumer<CertificateFiles.Decoded> change,
            CertificateCondition... expected) {
        ModelProto model = CertificateFiles.read(ShippedModels.DEFAULT);
        CertificateFiles.Decoded decoded = CertificateFiles.decode(CertificateFiles.proof(model));
        change.accept(decoded);
        Path file = CertificateFiles.withProof(model, decoded.encode(), temp.resolve(name + ".onnx"));
        ModelCertificateException refusal = refused(file, null);
        assertTrue(List.of(expected).contains(refusal.condition()), name + ": expected " + List.of(expected)
                + ", got " + refusal.condition() + ": " + refusal.getMessage());
        servedUncertifiedOrRefusedBySelfTest(file);
        return refusal;
    }

    private static ModelCertificateException refused(Path file, CertificateCondition expected) {
        ModelCertificateException refusal = assertThrows(ModelCertificateException.class,
                () -> NeuralAdder.open(file).close(), file::toString);
        if (expected != null) {
            assertEquals(expected, refusal.condition(), refusal.getMessage());
        }
        assertTrue(refusal.getMessage().startsWith("model " + file + " is not certified: "), refusal.getMessage());
        return refusal;
    }

    /** With the opt-out: served uncertified (returns true), or refused by the self-test (false); never certified. */
    private static boolean servedUncertifiedOrRefusedBySelfTest(Path file) {
        try (Adder adder = NeuralAdder.builder().model(file).allowUncertified().build()) {
            assertFalse(adder.model().certified(), file + " must not be reported certified");
            return true;
        } catch (ModelSelfTestException e) {
            return false;
        }
    }

    @Test
    void contractMargins_areTheOnesTheCertifierDocuments() {
        assertEquals(1e-4, CertificateFormat.STATE_MARGIN);
        assertEquals(1e-3, CertificateFormat.LOGIT_MARGIN);
    }
}
