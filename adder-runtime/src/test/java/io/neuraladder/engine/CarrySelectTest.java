package io.neuraladder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.neuraladder.ShippedModels;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.load.StructureCheck;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CarrySelect} on its own, on the shipped certified adder and subtractor run through their
 * packed graphs in ONNX Runtime, against {@link BigInteger}: carries through every chunk
 * ({@code (2^k − 1) + 1}), borrows through runs of zeros ({@code 2^k − 1}), a carry (borrow) that
 * enters a chunk and stops inside it, chunk-boundary widths, both signs, random operands, and one
 * pair spread over several runs. A miswired variant (the other operator's carry-in pairs, so that no
 * carry or borrow ever enters a chunk) is caught by the same operands.
 */
class CarrySelectTest {

    private static final Path ADDER = ShippedModels.DEFAULT;
    private static final Path SUBTRACTOR = ShippedModels.SUBTRACTOR;
    private static final BigInteger ONES_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    @Test
    void chunkedSums_agreeWithBigInteger() throws Exception {
        assertEquals(0, wrong(ADDER, Operator.ADD, Operator.ADD, 1 << 20));
    }

    @Test
    void chunkedDifferences_agreeWithBigInteger() throws Exception {
        assertEquals(0, wrong(SUBTRACTOR, Operator.SUBTRACT, Operator.SUBTRACT, 1 << 20));
    }

    @Test
    void pairsOneByOne_fewChunksRunBothCarryInsFromTheOperands() throws Exception {
        assertEquals(0, wrong(ADDER, Operator.ADD, Operator.ADD, 1 << 20, true));
        assertEquals(0, wrong(SUBTRACTOR, Operator.SUBTRACT, Operator.SUBTRACT, 1 << 20, true));
        assertTrue(wrong(SUBTRACTOR, Operator.SUBTRACT, Operator.ADD, 1 << 20, true) > 0);
    }

    @Test
    void aPairSpreadOverManyRuns_keepsItsCarryFromRunToRun() throws Exception {
        assertEquals(0, wrong(ADDER, Operator.ADD, Operator.ADD, 2 * PackedGraph.PAIRS_PER_ROW));
        assertEquals(0, wrong(SUBTRACTOR, Operator.SUBTRACT, Operator.SUBTRACT, 2 * PackedGraph.PAIRS_PER_ROW));
    }

    @Test
    void theOtherOperatorsCarryInPairs_areCaught() throws Exception {
        assertTrue(wrong(SUBTRACTOR, Operator.SUBTRACT, Operator.ADD, 1 << 20) > 0,
                "an adder's (1, 1) leaves a subtractor without a borrow: borrows through zeros fail");
        assertTrue(wrong(ADDER, Operator.ADD, Operator.SUBTRACT, 1 << 20) > 0,
                "a subtractor's (0, 1) leaves an adder without a carry: carries through chunks fail");
    }

    /** Pairs on which the layout for {@code wiring} on {@code model}'s network differs from {@code operator}. */
    private static int wrong(Path model, Operator operator, Operator wiring, int maxStrings) throws Exception {
        return wrong(model, operator, wiring, maxStrings, false);
    }

    /**
     * The same, with {@code oneByOne} one call per pair: pairs of fewer than
     * {@link CarrySelect#INCREMENTS_FROM_CHUNKS} chunks then take the plain carry-select layout.
     */
    private static int wrong(Path model, Operator operator, Operator wiring, int maxStrings, boolean oneByOne)
            throws Exception {
        StructureCheck.CheckedModel checked = GraphRuns.checked(model);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        List<BigInteger[]> pairs = pairs(operator);
        BigInteger[] a = pairs.stream().map(p -> p[0]).toArray(BigInteger[]::new);
        BigInteger[] b = pairs.stream().map(p -> p[1]).toArray(BigInteger[]::new);
        int[] steps = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            steps[i] = BitCodec.steps(a[i], b[i]);
        }
        BigInteger[] results = new BigInteger[a.length];
        try (OrtSession packed = environment.createSession(PackedGraph.of(checked.weights(), checked.cell()))) {
            CarrySelect.StringRun run = (input, stepCount, strings) -> {
                try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input),
                        new long[] {stepCount, strings, ModelContract.INPUT_FEATURES});
                        OrtSession.Result result = packed.run(Map.of(ModelContract.INPUT_NAME, tensor))) {
                    FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
                    float[] probabilities = new float[output.remaining()];
                    output.get(probabilities);
                    return probabilities;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            CarrySelect layout = new CarrySelect(wiring, maxStrings, PackedGraph.PAIRS_PER_ROW);
            if (oneByOne) {
                for (int i = 0; i < a.length; i++) {
                    layout.exact(a, b, steps, i, i + 1, run, results);
                }
            } else {
                layout.exact(a, b, steps, 0, a.length, run, results);
            }
        }
        int wrong = 0;
        for (int i = 0; i < a.length; i++) {
            if (!results[i].equals(operator.exact(a[i], b[i]))) {
                wrong++;
            }
        }
        System.out.printf("%s laid out as %s%s: %d of %d pairs wrong (seed %d)%n", operator, wiring,
                oneByOne ? " one by one" : "", wrong, a.length, AddExactProperty.seed());
        return wrong;
    }

    private static List<BigInteger[]> pairs(Operator operator) {
        Random random = new Random(AddExactProperty.seed());
        List<BigInteger[]> pairs = new ArrayList<>();
        for (int k : new int[] {1, 63, 64, 65, 127, 128, 129, 254, 255, 256, 1000, 4095, 4096, 4097}) {
            BigInteger power = BigInteger.ONE.shiftLeft(k);
            BigInteger ones = power.subtract(BigInteger.ONE);
            if (operator == Operator.ADD) {
                pairs.add(new BigInteger[] {ones, BigInteger.ONE});
                pairs.add(new BigInteger[] {ones.negate(), BigInteger.ONE.negate()});
                pairs.add(new BigInteger[] {power.negate(), ones});
            } else {
                pairs.add(new BigInteger[] {power, BigInteger.ONE});
                pairs.add(new BigInteger[] {BigInteger.ZERO, ones});
                pairs.add(new BigInteger[] {power.negate(), BigInteger.ONE});
            }
            BigInteger partOnes = BigInteger.ONE.shiftLeft(k % 64).subtract(BigInteger.ONE).shiftLeft(64);
            if (operator == Operator.ADD) {
                pairs.add(new BigInteger[] {partOnes.add(ONES_64), BigInteger.ONE});
            } else {
                pairs.add(new BigInteger[] {BigInteger.ONE.shiftLeft(64 + k % 64).add(BigInteger.ONE.shiftLeft(64)),
                        BigInteger.ONE});
            }
            BigInteger x = new BigInteger(k, random);
            BigInteger y = new BigInteger(k, random);
            pairs.add(new BigInteger[] {x, y.negate()});
            pairs.add(new BigInteger[] {x.negate(), y});
            pairs.add(new BigInteger[] {x, operator == Operator.ADD ? ones.subtract(x) : x});
        }
        return pairs;
    }
}
