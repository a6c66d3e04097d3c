package io.neuraladder.bench;

import io.neuraladder.NeuralAdder;
import io.neuraladder.NeuralMath;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Whole-process timing of {@code NeuralMath}'s {@code BigInteger} division family, gcd, root,
 * modPow and a long product beside {@link BigInteger}'s own, and of a 65,536-bit add beside an int
 * add, on seeded operands, in one JVM: each learned call is timed three times after one warm-up
 * division, {@code BigInteger}'s in five rounds of 400 calls after 4,000 of warm-up, and the
 * medians are compared; every result is checked against {@link BigInteger}'s. These take up to
 * seconds, past what a JMH run can repeat. Run as in docs/performance.md.
 */
public final class BigIntegerTiming {

    private BigIntegerTiming() {}

    public static void main(String[] args) {
        Random random = new Random(29);
        BigInteger a4096 = new BigInteger(4096, random);
        BigInteger b2048 = new BigInteger(2048, random).setBit(2047);
        BigInteger a1024 = new BigInteger(1024, random);
        BigInteger b1024 = new BigInteger(1024, random);
        BigInteger n = new BigInteger(2048, random).setBit(2047).setBit(0);
        BigInteger s = new BigInteger(2040, random);
        BigInteger e = BigInteger.valueOf(65537);
        NeuralMath.divide(a1024, b1024.shiftRight(512));
        System.out.println("| call | NeuralMath | BigInteger | ratio |");
        System.out.println("|---|---:|---:|---:|");
        row("divide, 4,096 by 2,048 bits", () -> NeuralMath.divide(a4096, b2048), () -> a4096.divide(b2048));
        row("gcd, 1,024 bits", () -> NeuralMath.gcd(a1024, b1024), () -> a1024.gcd(b1024));
        row("sqrt, 4,096 bits", () -> NeuralMath.sqrt(a4096), () -> a4096.sqrt());
        row("modPow(s, 65537, n), 2,048-bit n", () -> NeuralMath.modPow(s, e, n), () -> s.modPow(e, n));
        BigInteger x4096 = new BigInteger(4096, random).negate();
        BigInteger y4096 = new BigInteger(4096, random);
        row("multiply, 4,096 by 4,096 bits", () -> NeuralMath.multiply(x4096, y4096), () -> x4096.multiply(y4096));
        BigInteger x65536 = new BigInteger(65_536, random);
        BigInteger y65536 = new BigInteger(65_536, random).negate();
        double intAdd = medianMicros(20_000, () -> NeuralAdder.add(random.nextInt() >> 1, random.nextInt() >> 1));
        double wideAdd = medianMicros(20, () -> {
            if (!NeuralAdder.add(x65536, y65536).equals(x65536.add(y65536))) {
                throw new AssertionError("the 65,536-bit sum differs from BigInteger's");
            }
        });
        System.out.printf(Locale.ROOT, "%nmedian add(int, int) %.2f µs; median 65,536-bit add(BigInteger, BigInteger)"
                + " %,.0f µs: %,.0f× the int add%n", intAdd, wideAdd, wideAdd / intAdd);
    }

    private static double medianMicros(int calls, Runnable call) {
        for (int i = 0; i < Math.min(calls, 1_000); i++) {
            call.run();
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[calls / 2] / 1e3;
    }

    private static void row(String call, Supplier<BigInteger> learned, Supplier<BigInteger> reference) {
        BigInteger expected = reference.get();
        double[] learnedMillis = new double[3];
        for (int k = 0; k < learnedMillis.length; k++) {
            long start = System.nanoTime();
            BigInteger result = learned.get();
            learnedMillis[k] = (System.nanoTime() - start) / 1e6;
            if (!result.equals(expected)) {
                throw new AssertionError(call + ": the networks' result differs from BigInteger's");
            }
        }
        int repeats = 400;
        for (int i = 0; i < 10 * repeats; i++) {
            reference.get();
        }
        double[] referenceMillis = new double[5];
        for (int k = 0; k < referenceMillis.length; k++) {
            long start = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                reference.get();
            }
            referenceMillis[k] = (System.nanoTime() - start) / 1e6 / repeats;
        }
        double learnedMedian = median(learnedMillis);
        double referenceMedian = median(referenceMillis);
        System.out.printf(Locale.ROOT, "| %s | %,.0f ms | %.4f ms | %,.0f× |%n", call, learnedMedian, referenceMedian,
                learnedMedian / referenceMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
