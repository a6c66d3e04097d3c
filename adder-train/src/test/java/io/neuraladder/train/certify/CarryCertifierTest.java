package io.neuraladder.train.certify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.AddExactProperty;
import io.neuraladder.train.LstmWeights;
import io.neuraladder.train.export.OnnxExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarryCertifierTest {

    @TempDir
    Path temp;

    /** The weights as a model file holds them: exported to ONNX (float32) and read back. */
    private static LstmWeights throughOnnx(LstmWeights weights) {
        return LstmWeights.fromModel(model(weights), "test");
    }

    private static ModelProto model(LstmWeights weights) {
        return OnnxExport.toModel(weights, Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD));
    }

    @Test
    void accepts_theHandBuiltSaturatedLstm() {
        Certificate certificate = new CarryCertifier(throughOnnx(HandBuiltAdder.weights())).certify();
        System.out.println(certificate.report());
        assertTrue(certificate.proved(), certificate.summary());
        assertTrue(certificate.worstOutputMargin() > 1, certificate.summary());
        assertTrue(certificate.worstContainmentSlack() >= 0, certificate.summary());
    }

    @Test
    void theCertifiedHandBuiltModel_addsLikeMathAddExact_throughOnnxRuntime() throws Exception {
        Path file = Files.write(temp.resolve("hand-built.onnx"), model(HandBuiltAdder.weights()).toByteArray());
        try (Adder adder = NeuralAdder.open(file)) {
            AddExactProperty.assertHolds("the hand-built LSTM", adder::add, AddExactProperty.DEFAULT_SAMPLES);
        }
    }

    @Test
    void rejects_theNegatedModel_namingARegionAndTheShortfall() {
        Certificate certificate = new CarryCertifier(throughOnnx(HandBuiltAdder.weights().withNegatedOutput())).certify();
        assertFalse(certificate.proved());
        assertTrue(certificate.failure().contains("every transition into region [carry") && certificate.failure().contains("short"),
                certificate.failure());
    }

    @Test
    void rejects_aModelPerturbedUntilItAddsOnePlusOneWrongly() throws Exception {
        LstmWeights good = HandBuiltAdder.weights();
        double[] weakCarry = good.outputWeights().clone();
        weakCarry[0] *= 0.6;
        LstmWeights perturbed = new LstmWeights(good.hidden(), good.inputWeights(), good.recurrentWeights(),
                good.bias(), weakCarry, good.outputBias());
        Path file = Files.write(temp.resolve("perturbed.onnx"), model(perturbed).toByteArray());
        try (Adder adder = NeuralAdder.builder().model(file).skipSelfTest().build()) {
            assertNotEquals(2, adder.addWrapping(1, 1), "the perturbation must break a known sum");
        }
        assertFalse(new CarryCertifier(throughOnnx(perturbed)).certify().proved());
    }
}
