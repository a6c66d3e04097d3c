package io.neuraladder.bench;

import io.neuraladder.NeuralMath;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Whole-process timing of {@code NeuralMath}'s {@code BigInteger} division family, gcd, root and
 * modPow beside {@link BigInteger}'s own, on seeded operands, each after one warm-up call: these
 * take seconds, past what a JMH run can repeat. Run as in docs/performance.md.
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
    }

    private static void row(String call, Supplier<BigInteger> learned, Supplier<BigInteger> reference) {
        long start = System.nanoTime();
        BigInteger result = learned.get();
        double learnedMillis = (System.nanoTime() - start) / 1e6;
        int repeats = 200;
        for (int i = 0; i < repeats; i++) {
            reference.get();
        }
        start = System.nanoTime();
        BigInteger expected = null;
        for (int i = 0; i < repeats; i++) {
            expected = reference.get();
        }
        double referenceMillis = (System.nanoTime() - start) / 1e6 / repeats;
        if (!result.equals(expected)) {
            throw new AssertionError(call + ": the networks' result differs from BigInteger's");
        }
        System.out.printf(Locale.ROOT, "| %s | %,.0f ms | %.4f ms | %,.0f× |%n", call, learnedMillis, referenceMillis,
                learnedMillis / referenceMillis);
    }
}
