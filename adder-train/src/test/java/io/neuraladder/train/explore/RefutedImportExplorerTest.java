package io.neuraladder.train.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.imports.AdderImport;
import io.neuraladder.train.imports.Counterexample;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import refuted with operands longer than a long (lstm10-linear, wrong at bit 66 after a run of
 * 62 pairs) in the explorer: its counterexample is on the card and traced as BigIntegers, step by
 * step, to the wrong sum ONNX Runtime gives.
 */
class RefutedImportExplorerTest {

    @TempDir
    Path temp;

    @Test
    void aCounterexampleLongerThanALong_isTracedAsBigIntegers_toTheWrongSum() {
        Path file = temp.resolve("lstm10-linear.onnx");
        AdderImport.Outcome outcome = AdderImport.run(Path.of("src/test/resources/pytorch/lstm10-linear.onnx"), file,
                Operator.ADD);
        Counterexample counterexample = outcome.counterexample().orElseThrow();
        assertEquals("add(BigInteger, BigInteger)", counterexample.call());

        try (ExploredModel model = ExploredModel.open("lstm10-linear", "imported: refuted", file)) {
            ModelView view = model.view();
            assertFalse(view.certified());
            assertEquals(List.of(counterexample.a(), counterexample.b()), view.counterexample());

            Trace trace = model.trace(counterexample.a(), counterexample.b(), "auto");

            assertEquals("big", trace.width());
            assertEquals(counterexample.networkGives(), trace.sum(), "the runtime's wrong sum");
            assertNotEquals(counterexample.exact(), trace.sum());
            assertTrue(trace.traceAgrees(), "the traced bits spell the runtime's sum");
            int wrongBit = counterexample.candidate().wrongAt();
            BigInteger exact = new BigInteger(counterexample.exact());
            assertNotEquals(exact.testBit(wrongBit) ? 1 : 0, trace.steps().get(wrongBit).sumDigit(),
                    "the step the importer named writes the wrong bit");
        }
    }
}
