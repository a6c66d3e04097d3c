package io.neuraladder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.ShippedModels;
import io.neuraladder.api.ExecutionProvider;
import io.neuraladder.api.ModelSelfTestException;
import io.neuraladder.load.LoadOptions;
import io.neuraladder.load.ModelWeights;
import io.neuraladder.load.StructureCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sum trees behind multiplication: exact on the shipped adder, refused by their self-test when the adder is wrong. */
class SumTreesTest {

    private static final LoadOptions OPTIONS = new LoadOptions(ExecutionProvider.CPU, 1, 1, true, false);

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5})
    void sumsOfEveryDepth_andEitherLayout_areJavasSums_atEveryWidth(int levels) throws Exception {
        StructureCheck.CheckedModel checked = GraphRuns.checked(ShippedModels.DEFAULT);
        SplittableRandom random = new SplittableRandom(levels);
        try (SumTrees trees = new SumTrees("default", checked.weights(), checked.cell(), OPTIONS)) {
            for (int items : new int[] {1, 3, 8, 21}) {
                long[] terms = new long[items << levels];
                long[] expected = new long[items];
                for (int i = 0; i < terms.length; i++) {
                    terms[i] = i % 3 == 0 ? -1L >>> random.nextInt(64) : random.nextLong();
                    expected[i >> levels] += terms[i];
                }
                assertArrayEquals(expected, trees.sums(terms, levels, Long.SIZE), items + " items of " + (1 << levels)
                        + " terms");
                for (int steps : new int[] {1, 33, 35, 63}) {
                    long[] narrow = expected.clone();
                    for (int i = 0; i < items; i++) {
                        narrow[i] = narrow[i] << (Long.SIZE - steps) >> (Long.SIZE - steps);
                    }
                    assertArrayEquals(narrow, trees.sums(terms, levels, steps), items + " items of " + (1 << levels)
                            + " terms over " + steps + " steps");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void anAdderThatAddsWrongly_isRefusedByTheTreesSelfTest(int levels) throws Exception {
        StructureCheck.CheckedModel checked = GraphRuns.checked(ShippedModels.DEFAULT);
        ModelWeights right = checked.weights();
        float[] flipped = right.denseW().clone();
        float[] flippedBias = right.denseB().clone();
        for (int k = 0; k < flipped.length; k++) {
            flipped[k] = -flipped[k];
        }
        flippedBias[0] = -flippedBias[0];
        ModelWeights wrong = new ModelWeights(right.w(), right.r(), right.b(), flipped, flippedBias);
        try (SumTrees trees = new SumTrees("flipped", wrong, checked.cell(), OPTIONS)) {
            var refusal = assertThrows(ModelSelfTestException.class, () -> trees.sums(new long[1 << levels], levels, Long.SIZE));
            assertTrue(refusal.getMessage().contains("Refusing to multiply"), refusal.getMessage());
        }
    }
}
