package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.api.CertificateCondition;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelSelfTestException;
import io.neuraladder.contract.Operator;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.train.certify.CarryCertifier;
import io.neuraladder.train.certify.Certificate;
import io.neuraladder.train.certify.CertificateVerifier;
import io.neuraladder.train.export.OnnxExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The impostor: an LSTM trained the plain way ({@code --method plain}, exact on its samples but
 * with no proof), its weights put into the default model's file in place of the certified ones,
 * every metadata entry (the certificate included) kept. The runtime must refuse it by default,
 * and the training side's verifier must agree.
 */
class PlainModelWithCopiedCertificateTest {

    @TempDir
    Path temp;

    @Test
    void aPlainModelCarryingTheDefaultModelsCertificate_isRefused() throws Exception {
        Path shipped = Path.of("..", "models", "adder-lstm.onnx");
        ModelProto original = ModelProto.parseFrom(Files.readAllBytes(shipped));
        CellWeights certified = CellWeights.fromModel(original, shipped.toString());
        TrainingConfig plain = TrainingConfig.PLAIN_DEFAULT.toBuilder().hiddenSize(certified.hidden())
                .maxIterations(3_000).evaluateEvery(100).validationPairs(20_000).build();
        TrainingResult trained = new Trainer(plain, (row, weights) -> {}).train();
        Certificate ownProof = new CarryCertifier(trained.weights()).certify();
        System.out.printf("plain LSTM, %d units, %d iterations, exact on its samples: %s; its own proof: %s%n",
                trained.weights().hidden(), trained.iterations(), trained.exact(), ownProof.summary());
        assertFalse(ownProof.proved(), "a plain model has no proof of its own");

        ModelProto impostor = OnnxExport.toModel(trained.weights(), Map.of()).toBuilder().clearMetadataProps()
                .addAllMetadataProps(original.getMetadataPropsList()).build();
        Path file = Files.write(temp.resolve("adder-lstm.onnx"), impostor.toByteArray());

        var refusal = assertThrows(ModelCertificateException.class, () -> NeuralAdder.open(file));
        System.out.println("refused: " + refusal.getMessage());
        assertTrue(EnumSet.of(CertificateCondition.START, CertificateCondition.CLOSURE, CertificateCondition.OUTPUT).contains(refusal.condition()),
                "the proof itself fails, not its form: " + refusal.getMessage());
        CertificateVerifier.Verdict verdict = CertificateVerifier.verify(trained.weights(),
                CertificateVerifier.embeddedProof(original).orElseThrow(), Operator.ADD);
        assertEquals(refusal.condition().name(), verdict.condition(), verdict.message());

        try (Adder adder = NeuralAdder.builder().model(file).allowUncertified().build()) {
            assertFalse(adder.model().certified());
            // Exact on its own samples proves nothing about fresh ones (one seed found a wrong sum
            // after 13,788 pairs), which is why it is refused; so this only reports what it does.
            System.out.println("served uncertified; on fresh pairs: "
                    + AddExactProperty.check(adder::add, 20_000, AddExactProperty.seed()));
        } catch (ModelSelfTestException selfTest) {
            assertFalse(trained.exact(), "an exact model passes the self-test: " + selfTest.getMessage());
        }
    }
}
