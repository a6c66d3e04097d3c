package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelIntegrityException;
import io.neuraladder.assemble.DefaultModels;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IntegrityPinTest {

    private static String sha256Of(java.nio.file.Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void matchingPin_loads_inAnyCase() throws Exception {
        String pin = sha256Of(ShippedModels.requireDefault()).toUpperCase();
        try (Adder adder = NeuralAdder.builder().model(ShippedModels.DEFAULT).sha256(pin).build()) {
            assertEquals(596, adder.add(535, 61));
        }
    }

    @Test
    void mismatchedPin_isRefused_namingBothHashes() throws Exception {
        String otherHash = sha256Of(ShippedModels.another());
        var error = assertThrows(ModelIntegrityException.class,
                () -> NeuralAdder.builder().model(ShippedModels.DEFAULT).sha256(otherHash).build());
        assertTrue(error.getMessage().contains(otherHash) && error.getMessage().contains(sha256Of(ShippedModels.DEFAULT))
                && error.getMessage().contains("before it reaches ONNX Runtime"), error.getMessage());
    }

    @Test
    void malformedPin_isRefusedAtOnce() {
        var error = assertThrows(IllegalArgumentException.class, () -> NeuralAdder.builder().sha256("abc"));
        assertEquals("a SHA-256 pin is 64 hex digits, got 'abc'", error.getMessage());
    }

    @Test
    void pinProperty_appliesToTheDefaultModelConfiguration() throws Exception {
        System.setProperty(NeuralAdder.MODEL_PROPERTY, ShippedModels.DEFAULT.toString());
        System.setProperty(NeuralAdder.MODEL_SHA256_PROPERTY, "0".repeat(64));
        try {
            assertThrows(ModelIntegrityException.class, () -> DefaultModels.configuredAdder());
        } finally {
            System.clearProperty(NeuralAdder.MODEL_PROPERTY);
            System.clearProperty(NeuralAdder.MODEL_SHA256_PROPERTY);
        }
    }

    @Test
    void reloadWithPin_refusesAMismatch_andKeepsServing() throws Exception {
        try (Adder adder = NeuralAdder.open(ShippedModels.DEFAULT)) {
            assertThrows(ModelIntegrityException.class, () -> adder.reload(ShippedModels.another(), "0".repeat(64)));
            assertEquals(ShippedModels.DEFAULT.toString(), adder.model().source());
            adder.reload(ShippedModels.another(), sha256Of(ShippedModels.another()));
            assertEquals(ShippedModels.another().toString(), adder.model().source());
            assertEquals(596, adder.add(535, 61));
        }
    }
}
