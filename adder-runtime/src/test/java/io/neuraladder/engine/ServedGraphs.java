package io.neuraladder.engine;

import io.neuraladder.load.ModelSource;
import io.neuraladder.load.StructureCheck;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The graphs the runtime derives from a binary model file and actually runs, as model bytes, for
 * tests outside this package that step them (the falsification of the certificate's boxes).
 */
public final class ServedGraphs {

    /** Pairs per row of the array graph: its batch must be a multiple. */
    public static final int PAIRS_PER_ROW = PackedGraph.PAIRS_PER_ROW;

    private ServedGraphs() {}

    /** The graph that serves single calls ({@link LogitGraph}) for the model file {@code model}. */
    public static byte[] singleCallGraph(Path model) throws Exception {
        StructureCheck.CheckedModel checked = checked(model);
        return LogitGraph.of(checked.weights(), checked.cell());
    }

    /** The graph that serves arrays ({@link PackedGraph}) for the model file {@code model}. */
    public static byte[] arrayGraph(Path model) throws Exception {
        StructureCheck.CheckedModel checked = checked(model);
        return PackedGraph.of(checked.weights(), checked.cell());
    }

    private static StructureCheck.CheckedModel checked(Path model) throws Exception {
        return StructureCheck.verify(new ModelSource(model.toString(), Files.readAllBytes(model)));
    }
}
