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

/** Models written by {@code adder-train import} in the explorer, proved and refuted. */
class ImportedModelExplorerTest {

    @TempDir
    Path temp;

    /**
     * An import proved by a cover by pieces (rnn8-sigmoid): served certified, with its verdict and
     * the kernel's check on the card, and traced (the state-space figure's boxes are for box
     * certificates only, so it has none).
     */
    @Test
    void aPieceProvedImport_isShownCertified_andTraced() {
        AdderImport.Outcome outcome = imported("rnn8-sigmoid");
        assertEquals(AdderImport.Verdict.PROVED, outcome.verdict(), outcome.headline());
        try (ExploredModel model = ExploredModel.open("rnn8-sigmoid", "imported: proved", outcome.output())) {
            ModelView view = model.view();
            assertTrue(view.certified(), view.certificate());
            assertTrue(view.certificate().contains("pieces"), view.certificate());
            assertEquals("pieces", view.shape());
            assertTrue(view.verdict().startsWith("PROVED: "), view.verdict());
            Trace trace = model.trace("1234567", "7654321", "int");
            assertEquals("8888888", trace.sum());
            assertTrue(trace.traceAgrees());
        }
    }

    /**
     * An import refuted with operands longer than a long (lstm10-linear, wrong at bit 66 after a run
     * of 62 pairs): its counterexample is on the card and traced as BigIntegers, step by step, to
     * the wrong sum ONNX Runtime gives.
     */
    @Test
    void aCounterexampleLongerThanALong_isTracedAsBigIntegers_toTheWrongSum() {
        AdderImport.Outcome outcome = imported("lstm10-linear");
        Counterexample counterexample = outcome.counterexample().orElseThrow();
        assertEquals("add(BigInteger, BigInteger)", counterexample.call());

        try (ExploredModel model = ExploredModel.open("lstm10-linear", "imported: refuted", outcome.output())) {
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

    private AdderImport.Outcome imported(String fixture) {
        return AdderImport.run(Path.of("src/test/resources/pytorch", fixture + ".onnx"),
                temp.resolve(fixture + ".onnx"), Operator.ADD);
    }
}
