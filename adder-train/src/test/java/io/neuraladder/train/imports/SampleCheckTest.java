package io.neuraladder.train.imports;

import static io.neuraladder.train.imports.PyTorchFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.Operator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --check}'s sample sets: a proved import is right on every one, long sums included;
 * a refuted one is caught wrong on the uniform pairs, so the check can fail.
 */
class SampleCheckTest {

    @TempDir
    Path temp;

    @Test
    void aProvedImport_isRightOnEverySample_andARefutedOne_isNot() {
        Path proved = temp.resolve("proved.onnx");
        AdderImport.run(fixture("rnn8-noisy"), proved, Operator.ADD);
        Map<String, String> right = SampleCheck.wrongAnswers(proved, Operator.ADD);
        assertEquals(5, right.size(), right.toString());
        right.forEach((set, wrong) -> assertTrue(wrong.startsWith("0 of "), set + ": " + wrong));

        Path refuted = temp.resolve("refuted.onnx");
        AdderImport.run(fixture("lstm4-short"), refuted, Operator.ADD);
        Map<String, String> caught = SampleCheck.wrongAnswers(refuted, Operator.ADD);
        assertNotEquals("0 of 1000000", caught.get("uniform random int pairs"), caught.toString());
    }

    @Test
    void theShippedSubtractor_isRightOnEveryDifference_andARefutedOne_isCaught() {
        Map<String, String> right = SampleCheck.wrongAnswers(Path.of("..", "models", "subtractor-lstm.onnx"),
                Operator.SUBTRACT);
        assertEquals(5, right.size(), right.toString());
        right.forEach((set, wrong) -> assertTrue(wrong.startsWith("0 of "), set + ": " + wrong));

        Path refuted = temp.resolve("refuted-subtractor.onnx");
        AdderImport.run(fixture("lstm8-subtract"), refuted, Operator.SUBTRACT);
        Map<String, String> caught = SampleCheck.wrongAnswers(refuted, Operator.SUBTRACT);
        assertEquals(right.keySet(), caught.keySet());
        assertNotEquals("0 of 24", caught.get("long differences (64 to 4,096 bits, full borrow chains and random)"),
                "its 53-bit borrow chain is wrong: " + caught);
    }
}
