package io.neuraladder.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.neuraladder.LearnedMath;
import io.neuraladder.NeuralAdder;
import io.neuraladder.NeuralMath;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.CertificateCondition;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.properties.ExactProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each network is checked as the operator it is asked to compute, never on the file's word alone:
 * a subtractor where an adder is asked for, an adder where a subtractor is, either relabelled in
 * its metadata, and subtractors whose weights were changed after certification.
 */
class SubtractorRefusalTest {

    private static final Set<CertificateCondition> PROOF_FAILURES = EnumSet.of(CertificateCondition.START, CertificateCondition.CLOSURE,
            CertificateCondition.OUTPUT, CertificateCondition.SUM_DIGIT);

    @TempDir
    static Path temp;

    @Test
    void theShippedSubtractor_givenToNeuralAdderOpen_isRefused_namingBothOperators() {
        var refusal = assertThrows(ModelContractException.class, () -> NeuralAdder.open(ShippedModels.SUBTRACTOR));
        assertTrue(refusal.getMessage().contains("computes subtract") && refusal.getMessage().contains("but an adder "
                + "was expected; give it where a subtractor is asked for"), refusal.getMessage());
        assertThrows(ModelContractException.class, () -> NeuralAdder.openDecimal(ShippedModels.DECIMAL_SUBTRACTOR));
    }

    @Test
    void theShippedSubtractor_relabelledAdd_isRefusedByItsCertificate_sayingWhatItComputes() {
        Path relabelled = CertificateFiles.withMetadata(CertificateFiles.read(ShippedModels.SUBTRACTOR),
                MetadataKey.OPERATOR, Operator.ADD.metadataName(), temp.resolve("subtractor-labelled-add.onnx"));
        var refusal = assertThrows(ModelCertificateException.class, () -> NeuralAdder.open(relabelled));
        assertTrue(refusal.getMessage().contains("computes subtract, not add"), refusal.getMessage());
        assertTrue(PROOF_FAILURES.contains(refusal.condition()), refusal.getMessage());
    }

    @Test
    void theDefaultAdder_asTheSubtractor_isRefusedByTheBuilder_labelledOrRelabelled() {
        var asIs = assertThrows(ModelContractException.class,
                () -> NeuralMath.builder().subtractor(ShippedModels.DEFAULT).buildMath());
        assertTrue(asIs.getMessage().contains("computes add") && asIs.getMessage().contains("but a subtractor was "
                + "expected; give it where an adder is asked for"), asIs.getMessage());
        Path relabelled = relabelledAdder();
        var refusal = assertThrows(ModelCertificateException.class,
                () -> NeuralMath.builder().subtractor(relabelled).buildMath());
        assertTrue(refusal.getMessage().contains("computes add, not subtract"), refusal.getMessage());
    }

    @Test
    void theDefaultAdder_relabelledSubtract_isRefused_whenTheSystemPropertyNamesIt() throws Exception {
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ShippedModels.testClasspath(),
                "-D" + NeuralMath.SUBTRACT_MODEL_PROPERTY + "=" + relabelledAdder(),
                SubtractDemo.class.getName(), "535", "61")
                .redirectErrorStream(true)
                .start();
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo finishes");
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, demo.exitValue(), output);
        assertTrue(output.contains("ModelCertificateException") && output.contains("computes add, not subtract"),
                output);
    }

    @Test
    void aTamperedSubtractor_isRefused_orCertifiedAndExact_neverCertifiedAndWrong() {
        ModelProto proto = CertificateFiles.read(ShippedModels.SUBTRACTOR);
        int certified = 0;
        int refused = 0;
        for (double noise : new double[] {1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.03, 0.1}) {
            Path file = CertificateFiles.withWeightNoise(proto, noise, 23, temp.resolve("subtractor-noise-" + noise
                    + ".onnx"));
            try (LearnedMath math = NeuralMath.builder().subtractor(file).buildMath()) {
                assertTrue(math.subtractorModel().certified());
                long seed = AddExactProperty.seed();
                ExactProperty.assertAgree("subtractExact of " + file.getFileName(), seed,
                        ExactProperty.intPairs(seed, 20_000), Math::subtractExact, math::subtractExact);
                certified++;
            } catch (ModelCertificateException e) {
                assertTrue(PROOF_FAILURES.contains(e.condition()), e.getMessage());
                refused++;
            }
        }
        System.out.printf("subtractor weight noise 1e-7..0.1: %d served certified and exact, %d refused%n", certified,
                refused);
        assertTrue(certified > 0 && refused > 0, "the sizes span both outcomes");
    }

    @Test
    void reloadingTheSubtractorWithAnAdder_isRefused_andTheSubtractorKeepsServing() {
        try (LearnedMath math = NeuralMath.builder().buildMath()) {
            assertEquals(474, math.subtractExact(535, 61));
            assertThrows(ModelContractException.class, () -> math.reloadSubtractor(ShippedModels.DEFAULT));
            assertEquals(474, math.subtractExact(535, 61));
            assertTrue(math.subtractorModel().source().contains(NeuralMath.BUNDLED_SUBTRACTOR));
        }
    }

    private static Path relabelledAdder() {
        return CertificateFiles.withMetadata(CertificateFiles.read(ShippedModels.DEFAULT), MetadataKey.OPERATOR,
                Operator.SUBTRACT.metadataName(), temp.resolve("adder-labelled-subtract.onnx"));
    }

    /** A fresh JVM's view of {@link NeuralMath}: prints {@code a - b}, or the exception's class and message and exits 1. */
    static final class SubtractDemo {

        public static void main(String[] args) {
            try {
                System.out.println(args[0] + " - " + args[1] + " = "
                        + NeuralMath.subtractExact(Integer.parseInt(args[0]), Integer.parseInt(args[1])));
            } catch (RuntimeException e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                System.exit(1);
            }
        }
    }
}
