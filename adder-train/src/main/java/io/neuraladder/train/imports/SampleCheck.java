package io.neuraladder.train.imports;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.api.Subtractor;
import io.neuraladder.contract.Operator;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;

/**
 * The samples a tutorial would check an adder on, run through ONNX Runtime on a written file: a
 * million uniform int pairs, every pair of edge values, carry chains through every bit position
 * (each {@code 2^i − 1 + 1} and its kin), carry-heavy pairs, long sums of up to 4,096 bits, and
 * long runs of one pair. A subtractor gets the same sets with borrows in place of carries.
 * Evidence beside a verdict, never a proof: it shows how often a refuted network is wrong, and
 * that a proved one is right where anyone would look.
 */
public final class SampleCheck {

    private static final long SEED = 28;

    private SampleCheck() {}

    /** The wrong answers per sample set of a binary adder or subtractor file (uncertified allowed), in order. */
    public static Map<String, String> wrongAnswers(Path model, Operator operator) {
        return operator == Operator.SUBTRACT ? subtractorWrongAnswers(model) : adderWrongAnswers(model);
    }

    private static Map<String, String> adderWrongAnswers(Path model) {
        Map<String, String> wrong = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(SEED);
        try (Adder adder = NeuralAdder.builder().model(model).allowUncertified().skipSelfTest().build()) {
            wrong.put("uniform random int pairs", count(adder, OperandSamples.uniform(random, 1_000_000)));
            wrong.put("pairs of edge values", count(adder, OperandSamples.edgePairs()));
            wrong.put("carry chains through every position", count(adder, carryChains()));
            wrong.put("carry-heavy int pairs", count(adder, OperandSamples.carryHeavy(random, 200_000)));
            wrong.put("long sums (64 to 4,096 bits, full carry chains and random)", longSums(adder, random));
            wrong.put("long runs of one pair (8 to 4,096 pairs, then 4 random)", runs(random, adder::add,
                    BigInteger::add));
        }
        return wrong;
    }

    /**
     * The int pairs' differences through {@code subtractExact(long[], long[])}: an int minus an int never
     * overflows a long, so every pair is checked, over 64 bit pairs; a small negative difference borrows
     * through all the sign bits above it.
     */
    private static Map<String, String> subtractorWrongAnswers(Path model) {
        Map<String, String> wrong = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(SEED);
        try (Subtractor subtractor = NeuralAdder.builder().model(model).allowUncertified().skipSelfTest()
                .buildSubtractor()) {
            wrong.put("uniform random int pairs (64-bit differences)",
                    count(subtractor, OperandSamples.uniform(random, 1_000_000)));
            wrong.put("pairs of edge values (64-bit differences)", count(subtractor, OperandSamples.edgePairs()));
            wrong.put("borrow chains through every position (64-bit differences)", count(subtractor, borrowChains()));
            wrong.put("borrow-heavy int pairs (64-bit differences)",
                    count(subtractor, OperandSamples.borrowHeavy(random, 200_000)));
            wrong.put("long differences (64 to 4,096 bits, full borrow chains and random)",
                    longDifferences(subtractor, random));
            wrong.put("long runs of one pair (8 to 4,096 pairs, then 4 random)", runs(random, subtractor::subtract,
                    BigInteger::subtract));
        }
        return wrong;
    }

    /** {@code (2^i − 1) + 2^j} for every start j ≤ i < 32, with the operands both ways round: 1,056 pairs. */
    private static IntPairs carryChains() {
        return chains((i, j) -> (int) ((1L << (i + 1)) - 1) & ~((1 << j) - 1));
    }

    /** {@code 2^i − 2^j}, a borrow from bit j up to bit i, for every j ≤ i < 32, both ways round: 1,056 pairs. */
    private static IntPairs borrowChains() {
        return chains((i, j) -> 1 << i);
    }

    /** {@code (top(i, j), 2^j)} and {@code (2^j, top(i, j))} for every j ≤ i < 32. */
    private static IntPairs chains(IntBinaryOperator top) {
        int[] a = new int[2 * 528];
        int[] b = new int[2 * 528];
        int n = 0;
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j <= i; j++) {
                a[n] = top.applyAsInt(i, j);
                b[n++] = 1 << j;
                a[n] = 1 << j;
                b[n++] = top.applyAsInt(i, j);
            }
        }
        return new IntPairs(a, b);
    }

    /**
     * {@code (2^n − 1) + 1}, {@code (2^n − 1) + (2^n − 1)} and four random pairs of {@code n} bits
     * with both signs, for {@code n} = 64, 256, 1,024 and 4,096, through {@code add(BigInteger, BigInteger)}.
     */
    private static String longSums(Adder adder, SplittableRandom random) {
        return countLong(random,
                ones -> List.of(new BigInteger[] {ones, BigInteger.ONE}, new BigInteger[] {ones, ones}),
                adder::add, BigInteger::add);
    }

    /**
     * {@code 2^n − 1}, {@code 1 − 2^n} (borrows through all n bits) and four random pairs of {@code n} bits
     * with both signs, for {@code n} = 64, 256, 1,024 and 4,096, through {@code subtract(BigInteger, BigInteger)}.
     */
    private static String longDifferences(Subtractor subtractor, SplittableRandom random) {
        return countLong(random, ones -> {
            BigInteger power = ones.add(BigInteger.ONE);
            return List.of(new BigInteger[] {power, BigInteger.ONE}, new BigInteger[] {BigInteger.ONE, power});
        }, subtractor::subtract, BigInteger::subtract);
    }

    /** The wrong answers on each width's chains (given {@code 2^n − 1}) and four random pairs of both signs. */
    private static String countLong(SplittableRandom random, Function<BigInteger, List<BigInteger[]>> chains,
            BinaryOperator<BigInteger> network, BinaryOperator<BigInteger> exact) {
        int wrong = 0;
        int total = 0;
        for (int bits : new int[] {64, 256, 1_024, 4_096}) {
            BigInteger ones = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            List<BigInteger[]> pairs = new ArrayList<>(chains.apply(ones));
            for (int i = 0; i < 4; i++) {
                BigInteger a = new BigInteger(bits, new Random(random.nextLong()));
                BigInteger b = new BigInteger(bits, new Random(random.nextLong()));
                pairs.add(new BigInteger[] {i % 2 == 0 ? a : a.negate(), i < 2 ? b : b.negate()});
            }
            for (BigInteger[] pair : pairs) {
                total++;
                if (!network.apply(pair[0], pair[1]).equals(exact.apply(pair[0], pair[1]))) {
                    wrong++;
                }
            }
        }
        return wrong + " of " + total;
    }

    /**
     * For every lead pair and every repeated pair: the lead, the pair repeated n times (n = 8, 16, …,
     * 4,096) and 4 random pairs, least significant first, read as non-negative operands, 4 times
     * each: 640 pairs through the BigInteger call. Random operands almost never hold such runs, and
     * an LSTM's slow memory cell counts them.
     */
    private static String runs(SplittableRandom random, BinaryOperator<BigInteger> network,
            BinaryOperator<BigInteger> exact) {
        int wrong = 0;
        int total = 0;
        for (int lead = 0; lead < 4; lead++) {
            for (int repeated = 0; repeated < 4; repeated++) {
                for (int n = 8; n <= 4_096; n *= 2) {
                    for (int k = 0; k < 4; k++) {
                        int[] pairs = new int[1 + n + 4];
                        pairs[0] = lead;
                        Arrays.fill(pairs, 1, 1 + n, repeated);
                        for (int t = 1 + n; t < pairs.length; t++) {
                            pairs[t] = random.nextInt(4);
                        }
                        BigInteger a = Replay.value(Arrays.stream(pairs).map(pair -> pair >> 1).toArray());
                        BigInteger b = Replay.value(Arrays.stream(pairs).map(pair -> pair & 1).toArray());
                        total++;
                        if (!network.apply(a, b).equals(exact.apply(a, b))) {
                            wrong++;
                        }
                    }
                }
            }
        }
        return wrong + " of " + total;
    }

    private static String count(Subtractor subtractor, IntPairs pairs) {
        long[] a = new long[pairs.a().length];
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = pairs.a()[i];
            b[i] = pairs.b()[i];
        }
        long[] differences = subtractor.subtractExact(a, b);
        int wrong = 0;
        for (int i = 0; i < differences.length; i++) {
            if (differences[i] != a[i] - b[i]) {
                wrong++;
            }
        }
        return wrong + " of " + differences.length;
    }

    private static String count(Adder adder, IntPairs pairs) {
        int[] sums = adder.addWrapping(pairs.a(), pairs.b());
        int wrong = 0;
        for (int i = 0; i < sums.length; i++) {
            if (sums[i] != pairs.a()[i] + pairs.b()[i]) {
                wrong++;
            }
        }
        return wrong + " of " + sums.length;
    }
}
