package io.neuraladder;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * The load-time self-test: a few hundred carry-chain cases, added in one run, must all be exact
 * and every sum-bit probability finite. It catches models that load but add wrongly (an
 * under-trained model, flipped or NaN weights) before they serve a single sum.
 */
final class SelfTest {

    /** The cases, fixed: long carry chains, sign and overflow boundaries, alternating patterns. */
    static final IntPairs CASES = cases();

    private SelfTest() {}

    /** Returns normally if the model adds every case exactly; throws {@link ModelSelfTestException} otherwise. */
    static void verify(String source, FloatBuffer probabilities) {
        requireFinite(source, probabilities, "sum-bit probability");
        int n = CASES.size();
        int[] sums = new int[n];
        BitCodec.decode(probabilities, n, sums, 0);
        verifySums(source, sums);
    }

    /** Like {@link #verify(String, FloatBuffer)}, for a {@link LogitGraph}'s logits of the cases. */
    static void verifyLogits(String source, FloatBuffer logits) {
        requireFinite(source, logits, "sum-bit logit");
        int n = CASES.size();
        int[] sums = new int[n];
        for (int i = 0; i < n; i++) {
            sums[i] = LogitGraph.decode(logits, n, i);
        }
        verifySums(source, sums);
    }

    private static void requireFinite(String source, FloatBuffer outputs, String what) {
        int n = CASES.size();
        for (int i = 0; i < outputs.limit(); i++) {
            float value = outputs.get(i);
            if (!Float.isFinite(value)) {
                int pair = i % n;
                throw new ModelSelfTestException("model " + source + " computes a non-finite " + what + " ("
                        + value + ") for " + CASES.a()[pair] + " + " + CASES.b()[pair]
                        + ": its weights probably contain NaN or Inf. Refusing it");
            }
        }
    }

    /** Throws {@link ModelSelfTestException} unless {@code sums} are the 32-bit sums of {@link #CASES}. */
    static void verifySums(String source, int[] sums) {
        int n = CASES.size();
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (sums[i] != CASES.a()[i] + CASES.b()[i]) {
                wrong++;
                first = first < 0 ? i : first;
            }
        }
        if (wrong > 0) {
            int a = CASES.a()[first];
            int b = CASES.b()[first];
            throw new ModelSelfTestException("model " + source + " failed the load-time self-test: " + wrong + " of "
                    + n + " carry-chain cases are wrong, the first " + a + " + " + b + " = " + sums[first]
                    + " where the 32-bit sum is " + (a + b) + ". Such a model is under-trained or corrupted (flipped "
                    + "bits, NaN or Inf weights: ONNX Runtime's activations clamp NaN, so they show as wrong sums). "
                    + "Refusing it; retrain it, or load it anyway with NeuralAdder.builder().skipSelfTest()");
        }
    }

    private static IntPairs cases() {
        int[] a = new int[320];
        int[] b = new int[320];
        int n = 0;
        for (int k = 0; k < Integer.SIZE; k++) {
            int ones = k == 0 ? 0 : -1 >>> (Integer.SIZE - k);
            a[n] = ones; b[n++] = 1;                          // 0..011..1 + 1: a chain of k carries
            a[n] = -1 << k; b[n++] = 1 << k;                  // a carry from bit k out of the word
            a[n] = Integer.MAX_VALUE >>> k; b[n++] = Integer.MAX_VALUE >>> k;
            a[n] = ~ones; b[n++] = -1;                        // borrows through the high bits
        }
        int[][] fixed = {{0, 0}, {-1, 1}, {Integer.MAX_VALUE, 1}, {Integer.MIN_VALUE, -1},
                {Integer.MIN_VALUE, Integer.MIN_VALUE}, {Integer.MAX_VALUE, Integer.MAX_VALUE},
                {Integer.MAX_VALUE, Integer.MIN_VALUE}, {0x5555_5555, 0xAAAA_AAAA}, {0x5555_5555, 0x5555_5555},
                {0xAAAA_AAAA, 0xAAAA_AAAA}, {0x5555_5556, 0xAAAA_AAAA}, {535, 61}, {-7, 3}};
        for (int[] pair : fixed) {
            a[n] = pair[0];
            b[n++] = pair[1];
        }
        IntPairs random = OperandSamples.carryHeavy(new SplittableRandom(0x5E1F_7E57L), a.length - n);
        System.arraycopy(random.a(), 0, a, n, random.size());
        System.arraycopy(random.b(), 0, b, n, random.size());
        return new IntPairs(a, b);
    }
}
