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
 * a refuted one is caught wrong on the uniform pairs, so the check can fail, and one wrong only after
 * long runs of one pair is caught by the runs alone.
 */
class SampleCheckTest {

    @TempDir
    Path temp;

    @Test
    void aProvedImport_isRightOnEverySample_andARefutedOne_isNot() {
        Path proved = temp.resolve("proved.onnx");
        AdderImport.run(fixture("rnn8-noisy"), proved, Operator.ADD);
        Map<String, String> right = SampleCheck.wrongAnswers(proved, Operator.ADD);
        assertEquals(6, right.size(), right.toString());
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
        assertEquals(6, right.size(), right.toString());
        right.forEach((set, wrong) -> assertTrue(wrong.startsWith("0 of "), set + ": " + wrong));

        Path refuted = temp.resolve("refuted-subtractor.onnx");
        AdderImport.run(fixture("lstm8-subtract"), refuted, Operator.SUBTRACT);
        Map<String, String> caught = SampleCheck.wrongAnswers(refuted, Operator.SUBTRACT);
        assertEquals(right.keySet(), caught.keySet());
        assertNotEquals("0 of 24", caught.get("long differences (64 to 4,096 bits, full borrow chains and random)"),
                "its 53-bit borrow chain is wrong: " + caught);
    }

    @Test
    void anLstmWrongOnlyAfterLongRuns_isCaughtByTheRunsAlone() {
        Path refuted = temp.resolve("lstm8-sigmoid.onnx");
        AdderImport.run(fixture("lstm8-sigmoid"), refuted, Operator.ADD);

        Map<String, String> wrong = SampleCheck.wrongAnswers(refuted, Operator.ADD);

        String runs = "long runs of one pair (8 to 4,096 pairs, then 4 random)";
        assertNotEquals("0 of 640", wrong.get(runs), wrong.toString());
        wrong.forEach((set, count) -> assertTrue(set.equals(runs) || count.startsWith("0 of "),
                "right on every other set: " + set + ": " + count));
    }
}
