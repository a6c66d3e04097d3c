package io.neuraladder.train.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.api.DigitAdder;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.NegatedOutput;
import io.neuraladder.train.export.OnnxExport;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarryCertifierTest {

    @TempDir
    Path temp;

    /** The weights as a model file holds them: exported to ONNX (float32) and read back. */
    private static CellWeights throughOnnx(CellWeights weights) {
        return CellWeights.fromModel(model(weights), "test");
    }

    private static ModelProto model(CellWeights weights) {
        return OnnxExport.toModel(weights, Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD));
    }

    /** The model file of {@code weights} with their certificate embedded, as {@code train} writes one. */
    private static ModelProto certifiedModel(CellWeights weights, Map<MetadataKey, String> metadata) {
        Certificate certificate = new CarryCertifier(throughOnnx(weights)).certify();
        assertTrue(certificate.proved(), certificate.summary());
        Map<MetadataKey, String> withProof = new EnumMap<>(metadata);
        withProof.put(MetadataKey.CERTIFICATE, certificate.summary());
        withProof.put(MetadataKey.CERTIFICATE_PROOF, certificate.proof());
        return OnnxExport.toModel(weights, withProof);
    }

    private static ModelProto certifiedModel(CellWeights weights) {
        return certifiedModel(weights, Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
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
        Path file = Files.write(temp.resolve("hand-built.onnx"), certifiedModel(HandBuiltAdder.weights()).toByteArray());
        try (Adder adder = NeuralAdder.open(file)) {
            assertTrue(adder.model().certified(), "the runtime checks the embedded certificate");
            AddExactProperty.assertHolds("the hand-built LSTM", adder::add, AddExactProperty.DEFAULT_SAMPLES);
        }
    }

    @Test
    void rejects_theNegatedModel_namingARegionAndTheShortfall() {
        Certificate certificate = new CarryCertifier(throughOnnx(NegatedOutput.of(HandBuiltAdder.weights()))).certify();
        assertFalse(certificate.proved());
        assertTrue(certificate.failure().contains("every transition into region [carry") && certificate.failure().contains("short"),
                certificate.failure());
    }

    @Test
    void rejects_aModelPerturbedUntilItAddsOnePlusOneWrongly() throws Exception {
        CellWeights good = HandBuiltAdder.weights();
        double[] weakCarry = good.outputWeights()[0].clone();
        weakCarry[0] *= 0.6;
        CellWeights perturbed = new CellWeights(good.cell(), good.hidden(), good.inputWeights(), good.recurrentWeights(),
                good.bias(), weakCarry, good.outputBias()[0]);
        Path file = Files.write(temp.resolve("perturbed.onnx"), model(perturbed).toByteArray());
        try (Adder adder = NeuralAdder.builder().model(file).allowUncertified().skipSelfTest().build()) {
            assertNotEquals(2, adder.addWrapping(1, 1), "the perturbation must break a known sum");
        }
        assertFalse(new CarryCertifier(throughOnnx(perturbed)).certify().proved());
    }

    @Test
    void accepts_theHandBuilt22ParameterRnn() throws Exception {
        CellWeights weights = HandBuiltRnnAdder.weights(HandBuiltRnnAdder.CARRY_WEIGHT);
        assertEquals(22, weights.parameterCount());
        Certificate certificate = new CarryCertifier(throughOnnx(weights)).certify();
        assertTrue(certificate.proved(), certificate.summary());
        Path file = Files.write(temp.resolve("hand-built-rnn.onnx"), certifiedModel(weights).toByteArray());
        try (Adder adder = NeuralAdder.open(file)) {
            assertTrue(adder.model().certified(), "the runtime checks the embedded certificate");
            AddExactProperty.assertHolds("the hand-built RNN", adder::add, AddExactProperty.DEFAULT_SAMPLES);
        }
    }

    @Test
    void rejects_theHandBuiltRnnWithItsCarryCut() throws Exception {
        CellWeights cut = HandBuiltRnnAdder.weights(0);
        Path file = Files.write(temp.resolve("carry-cut.onnx"), model(cut).toByteArray());
        try (Adder adder = NeuralAdder.builder().model(file).allowUncertified().skipSelfTest().build()) {
            assertNotEquals(2, adder.addWrapping(1, 1), "without its carry the RNN cannot add 1 + 1");
        }
        Certificate certificate = new CarryCertifier(throughOnnx(cut)).certify();
        assertFalse(certificate.proved());
        assertTrue(certificate.failure().contains("short"), certificate.failure());
    }

    @Test
    void accepts_theHandBuiltDecimalRnn_andOnnxRuntimeAddsLikeBigInteger() throws Exception {
        CellWeights weights = throughOnnx(HandBuiltDigitAdder.weights());
        assertEquals(10, weights.radix());
        Certificate certificate = new CarryCertifier(weights).certify();
        assertTrue(certificate.proved(), certificate.summary());
        assertEquals(200, certificate.regions().size(), "carry in × 100 digit pairs");
        Path file = Files.write(temp.resolve("hand-built-decimal.onnx"), certifiedModel(weights,
                Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION, MetadataKey.OPERATOR,
                        ModelContract.OPERATOR_ADD, MetadataKey.RADIX, "10")).toByteArray());
        try (DigitAdder adder = NeuralAdder.openDecimal(file)) {
            assertTrue(adder.model().certified(), "the runtime checks the embedded certificate");
            assertEquals("596", adder.add("535", "61"));
            String nines = "9".repeat(2_000);
            assertEquals("1" + "0".repeat(2_000), adder.add(nines, "1"));
        }
    }

    @Test
    void accepts_theHandBuiltRadix16Rnn_andTheRuntimeChecksItsCertificate_addsHexStringsAndInts() throws Exception {
        CellWeights weights = throughOnnx(HandBuiltDigitAdder.weights(16));
        assertEquals(16, weights.radix());
        Certificate certificate = new CarryCertifier(weights).certify();
        assertTrue(certificate.proved(), certificate.summary());
        assertEquals(1, certificate.history(), "history 2 would need 131,072 labels, more than a file may hold");
        assertEquals(512, certificate.regions().size(), "carry in × 256 digit pairs");
        Path file = Files.write(temp.resolve("hand-built-radix16.onnx"), certifiedModel(weights,
                Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION, MetadataKey.OPERATOR,
                        ModelContract.OPERATOR_ADD, MetadataKey.RADIX, "16")).toByteArray());
        try (DigitAdder adder = NeuralAdder.openDigitSerial(file)) {
            assertEquals(16, adder.radix());
            assertTrue(adder.model().certified(), "the runtime checks the embedded radix-16 certificate");
            assertEquals("100", adder.add("ff", "1"));
            assertEquals("1" + "0".repeat(2_000), adder.add("F".repeat(2_000), "1"));
            BigInteger a = new BigInteger(4_000, new java.util.Random(7));
            BigInteger b = new BigInteger(3_000, new java.util.Random(8));
            assertEquals(a.add(b), adder.add(a, b));
        }
        var asDecimal = assertThrows(ModelContractException.class, () -> NeuralAdder.openDecimal(file));
        assertTrue(asDecimal.getMessage().contains("radix-16 adder (metadata neuraladder.radix = 16), not a decimal adder"),
                asDecimal.getMessage());
        try (Adder ints = NeuralAdder.open(file)) {
            assertEquals(Integer.MIN_VALUE, ints.addWrapping(Integer.MAX_VALUE, 1), "8 hex digits per int");
        }
    }

    @Test
    void rejects_theHandBuiltDecimalRnnWithOneDigitMisread() {
        CellWeights misread = HandBuiltDigitAdder.misreading(HandBuiltDigitAdder.weights(), 7, 6);
        Certificate certificate = new CarryCertifier(throughOnnx(misread)).certify();
        assertFalse(certificate.proved());
        assertTrue(certificate.failure().contains("must output sum digit"), certificate.failure());
    }

    @Test
    void anAdder_isNotProvedASubtractor() {
        Certificate certificate = new CarryCertifier(throughOnnx(HandBuiltAdder.weights()), Operator.SUBTRACT).certify();
        assertFalse(certificate.proved(), certificate.summary());
    }
}
