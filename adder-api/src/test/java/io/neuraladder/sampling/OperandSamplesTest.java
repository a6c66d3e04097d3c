package io.neuraladder.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperandSamplesTest {

    @Test
    void edgeValues_includeTheNamedExtremes() {
        int[] values = OperandSamples.edgeValues();
        for (int v : new int[] {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE,
                Integer.MAX_VALUE - 1, 0x5555_5555, 0xAAAA_AAAA, 1 << 30, (1 << 30) - 1, -(1 << 30)}) {
            assertTrue(Arrays.binarySearch(values, v) >= 0, "missing edge value " + v);
        }
    }

    @Test
    void edgePairs_areEveryOrderedPair() {
        int n = OperandSamples.edgeValues().length;
        assertEquals(n * n, OperandSamples.edgePairs().size());
    }

    @Test
    void carryHeavy_pairsOftenPropagateACarryOverHalfTheWord_uniformOnesAlmostNever() {
        var random = new SplittableRandom(11);
        double heavy = shareWithPropagationChainOf16(OperandSamples.carryHeavy(random, 20_000));
        double uniform = shareWithPropagationChainOf16(OperandSamples.uniform(random, 20_000));
        assertTrue(heavy > 0.2, "carry-heavy share " + heavy);
        assertTrue(uniform < 0.01, "uniform share " + uniform);
    }

    @Test
    void generators_areDeterministicForASeed() {
        var first = OperandSamples.mixed(new SplittableRandom(5), 1_000);
        var second = OperandSamples.mixed(new SplittableRandom(5), 1_000);
        assertTrue(Arrays.equals(first.a(), second.a()) && Arrays.equals(first.b(), second.b()));
    }

    private static double shareWithPropagationChainOf16(IntPairs pairs) {
        long total = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.a()[i];
            int b = pairs.b()[i];
            int carry = 0;
            int run = 0;
            int longest = 0;
            for (int t = 0; t < 32; t++) {
                int x = (a >>> t) & 1;
                int y = (b >>> t) & 1;
                boolean propagates = carry == 1 && (x ^ y) == 1;
                run = propagates ? run + 1 : 0;
                carry = (x & y) | (carry & (x ^ y));
                longest = Math.max(longest, run);
            }
            total += longest >= 16 ? 1 : 0;
        }
        return (double) total / pairs.size();
    }
}
