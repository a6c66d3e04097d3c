package io.neuraladder.train.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.imports.AdderImport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import proved by a cover by pieces (rnn8-sigmoid) in the explorer: served certified, with its
 * verdict and the kernel's check on the card, and traced (the state-space figure's boxes are for
 * box certificates only, so it has none).
 */
class PieceCoverExplorerTest {

    @TempDir
    Path temp;

    @Test
    void aPieceProvedImport_isShownCertified_andTraced() {
        Path file = temp.resolve("rnn8-sigmoid.onnx");
        AdderImport.Outcome outcome = AdderImport.run(Path.of("src/test/resources/pytorch/rnn8-sigmoid.onnx"), file,
                Operator.ADD);
        assertEquals(AdderImport.Verdict.PROVED, outcome.verdict(), outcome.headline());
        try (ExploredModel model = ExploredModel.open("rnn8-sigmoid", "imported: proved", file)) {
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
}
