package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.api.CertificateCondition;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelSelfTestException;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.train.cli.ModelFiles;
import io.neuraladder.train.cli.TrainCommand;
import io.neuraladder.train.export.OnnxExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path: train with the shipped default model's settings from scratch until certified,
 * export to ONNX, and add through ONNX Runtime; and the property test's power to fail on an
 * under-trained model.
 */
class TrainExportRunTest {

    @TempDir
    static Path temp;

    private static TrainingResult trained;
    private static Path trainedModel;

    @BeforeAll
    static void trainWithTheShippedModelsSettings() {
        trained = new Trainer(TrainingConfig.SHIPPED_LSTM, (row, weights) -> System.out.println(TrainingTable.textRow(row))).train();
        trainedModel = temp.resolve("retrained.onnx");
        OnnxExport.write(trained, trainedModel);
    }

    @Test
    void training_reachesACertifiedModel_exactOnUniformEdgeAndCarryHeavyValidation() {
        assertTrue(trained.exact(), "not exact after " + trained.iterations() + " iterations");
        assertTrue(trained.certified(), trained.certificate().summary());
        assertTrue(trained.confirmation().random().pairs() >= 100_000);
        EvaluationRow last = trained.rows().get(trained.rows().size() - 1);
        assertTrue(last.perfect(), TrainingTable.textRow(last));
    }

    @Test
    void theShippedModelsSettings_rebuildItsFile_byteForByte() throws IOException {
        PinnedNumerics.whyUnsupported().ifPresent(why -> Assumptions.abort("a byte-for-byte rebuild cannot hold "
                + "here: " + why + ". The rebuilt model is still checked for exactness and its certificate"));
        PinnedNumerics.whyNotPinned().ifPresent(why -> fail("the build must pin the training numerics: " + why
                + " (adder-train's surefire configuration sets them; an IDE run needs them in its environment)"));
        assertArrayEquals(Files.readAllBytes(ShippedModelFiles.DEFAULT), Files.readAllBytes(trainedModel),
                "the default model's card command no longer rebuilds models/adder-lstm.onnx");
    }

    @Test
    void theShippedModelsCard_isWhatTheCardWriterWritesToday_butForItsTimings() throws IOException {
        PinnedNumerics.whyUnsupported().ifPresent(why -> Assumptions.abort("the card names the file's bytes, and a "
                + "byte-for-byte rebuild cannot hold here: " + why));
        Path shipped = ShippedModelFiles.DEFAULT.resolveSibling("adder-lstm.md");
        String written = ModelCard.markdown(trained, "adder-lstm.onnx", ModelFiles.sha256(trainedModel),
                TrainCommand.rebuildCommand(TrainingConfig.SHIPPED_LSTM, Path.of("models", "adder-lstm.onnx")));
        assertEquals(CardText.withoutTimings(Files.readString(shipped)), CardText.withoutTimings(written),
                "models/adder-lstm.md is not what its own command writes today; rerun the command in its Rebuild section");
    }

    @Test
    void exportedModel_addsLikeMathAddExact_throughOnnxRuntime() {
        try (Adder adder = NeuralAdder.open(trainedModel)) {
            AddExactProperty.assertHolds("the retrained model", adder::add, AddExactProperty.DEFAULT_SAMPLES);
            assertEquals(Optional.of(Long.toString(TrainingConfig.SHIPPED_LSTM.seed())),
                    adder.model().get(MetadataKey.TRAINING_SEED));
            assertTrue(adder.model().certified(), adder.model().metadata().toString());
            System.out.println("retrained model: " + adder.model().certificateCheck().orElseThrow());
        }
    }

    @Test
    void exportedModel_addsHandPickedCarryChains() {
        int[][] cases = {{-1, 1, 0}, {Integer.MAX_VALUE, Integer.MIN_VALUE, -1}, {0x5555_5555, 0xAAAA_AAAA, -1},
                {0x7FFF_FFFE, 1, Integer.MAX_VALUE}, {Integer.MIN_VALUE + 1, -1, Integer.MIN_VALUE}, {0xFFFF, 1, 0x10000},
                {-65536, 65535, -1}, {535, 61, 596}};
        try (Adder adder = NeuralAdder.open(trainedModel)) {
            for (int[] c : cases) {
                assertEquals(c[2], adder.add(c[0], c[1]), c[0] + " + " + c[1]);
            }
        }
    }

    @Test
    void twoModelFiles_swapWithoutRecompiling() {
        try (Adder bundled = NeuralAdder.builder().bundledModel().build();
                Adder retrained = NeuralAdder.open(trainedModel)) {
            assertNotEquals(bundled.model().source(), retrained.model().source());
            for (Adder adder : List.of(bundled, retrained)) {
                assertEquals(-4, adder.add(-7, 3));
                AddExactProperty.assertHolds(adder.model().source(), adder::add, 2_000);
            }
        }
    }

    @Test
    void modelSystemProperty_swapsTheStaticDefault_inAFreshJvm() throws Exception {
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + NeuralAdder.MODEL_PROPERTY + "=" + trainedModel,
                "io.neuraladder.demo.AddDemo", "535", "61")
                .redirectErrorStream(true)
                .start();
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo finishes");
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, demo.exitValue(), output);
        assertTrue(output.contains("model: " + trainedModel) && output.contains("535 + 61 = 596"), output);
    }

    @Test
    void underTrainedModel_isRefusedByItsCertificateAndTheSelfTest_andCaughtByTheProperty() throws IOException {
        TrainingConfig brief = TrainingConfig.PLAIN_DEFAULT.toBuilder().maxIterations(5).evaluateEvery(5)
                .validationPairs(1_000).build();
        TrainingResult underTrained = new Trainer(brief, (row, weights) -> {}).train();
        assertFalse(underTrained.exact());
        assertFalse(underTrained.certified(), underTrained.certificate().summary());
        Path file = temp.resolve("under-trained.onnx");
        OnnxExport.write(underTrained, file);
        var uncertified = assertThrows(ModelCertificateException.class, () -> NeuralAdder.open(file));
        assertEquals(CertificateCondition.MISSING, uncertified.condition(), uncertified.getMessage());
        var refusal = assertThrows(ModelSelfTestException.class,
                () -> NeuralAdder.builder().model(file).allowUncertified().build());
        assertTrue(refusal.getMessage().contains("failed the load-time self-test"), refusal.getMessage());
        try (Adder adder = NeuralAdder.builder().model(file).allowUncertified().skipSelfTest().build()) {
            assertFalse(adder.model().certified());
            var outcome = AddExactProperty.check(adder::add, AddExactProperty.DEFAULT_SAMPLES, AddExactProperty.seed());
            assertFalse(outcome.holds(), "the property must reject a model trained for 5 minibatches");
            System.out.println("under-trained model's first counterexample: " + outcome.counterexample().orElseThrow());
        }
    }
}
