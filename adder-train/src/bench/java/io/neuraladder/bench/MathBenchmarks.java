package io.neuraladder.bench;

import io.neuraladder.NeuralAdder;
import io.neuraladder.NeuralMath;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link NeuralMath}'s methods beside {@link NeuralAdder#add(int, int)}, as a client calls them
 * (the static methods on the bundled models), side by side in one run: the speed goals are ratios
 * to the add (docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class MathBenchmarks {

    /** Pairs per array call. */
    static final int BATCH = 100_000;

    private int[] a;
    private int[] b;
    private int[] batchA;
    private int[] batchB;
    private int[] divisors;
    private int[] factorsA;
    private int[] factorsB;
    private int[] batchFactorsA;
    private int[] batchFactorsB;
    private BigInteger wideA;
    private BigInteger wideB;
    private BigInteger factorX;
    private BigInteger factorY;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        IntPairs pairs = OperandSamples.uniform(new SplittableRandom(1), 1 << 12);
        a = pairs.a();
        b = pairs.b();
        for (int i = 0; i < a.length; i++) {
            a[i] >>= 2;
            b[i] >>= 2;
        }
        batchA = new int[BATCH];
        batchB = new int[BATCH];
        divisors = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            batchA[i] = a[i % a.length];
            batchB[i] = b[i % b.length];
            divisors[i] = batchB[i] | 1;
        }
        SplittableRandom random = new SplittableRandom(2);
        factorsA = new int[a.length];
        factorsB = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            factorsA[i] = random.nextInt() >> 16;
            factorsB[i] = random.nextInt() >> 16;
        }
        Random bits = new Random(3);
        wideA = new BigInteger(65_536, bits);
        wideB = new BigInteger(65_536, bits).negate();
        factorX = new BigInteger(4_096, bits).negate();
        factorY = new BigInteger(4_096, bits);
        batchFactorsA = new int[BATCH];
        batchFactorsB = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            batchFactorsA[i] = factorsA[i % a.length];
            batchFactorsB[i] = factorsB[i % a.length];
        }
        NeuralAdder.add(1, 2);
        NeuralMath.subtractExact(3, 2);
        NeuralMath.multiplyExact(3, 2);
        NeuralMath.floorDiv(3, 2);
    }

    private int index() {
        next = (next + 1) & (a.length - 1);
        return next;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_add() {
        int i = index();
        return NeuralAdder.add(a[i], b[i]);
    }

    /** One 65,536-bit sum: carry-select over 64-bit chunks. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public BigInteger single_add_65536Bits() {
        return NeuralAdder.add(wideA, wideB);
    }

    /** One product of two 4,096-bit numbers: Karatsuba down to 64 bits, then Booth's terms. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public BigInteger single_multiply_4096Bits() {
        return NeuralMath.multiply(factorX, factorY);
    }

    /** The same product by {@link BigInteger#multiply}, for the ratio. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public BigInteger single_multiply_4096Bits_bigInteger() {
        return factorX.multiply(factorY);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_subtractExact() {
        int i = index();
        return NeuralMath.subtractExact(a[i], b[i]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_compare() {
        int i = index();
        return NeuralMath.compare(a[i], b[i]);
    }

    /** Factors of up to 16 bits, either sign: products that fit, as a caller of multiplyExact has. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_multiplyExact() {
        int i = index();
        return NeuralMath.multiplyExact(factorsA[i], factorsB[i]);
    }

    /** Factors drawn from all ints: most products overflow, and every one needs the widest tree. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_multiplyExact_anyInts() {
        int i = index();
        try {
            return NeuralMath.multiplyExact(a[i] << 2, b[i] << 2);
        } catch (ArithmeticException overflow) {
            return 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_floorDiv() {
        int i = index();
        return NeuralMath.floorDiv(a[i], b[i] | 1);
    }

    /** Divisors of at most 8 bits: quotients of 22 bits or more, a run per quotient bit. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int single_floorDiv_smallDivisors() {
        int i = index();
        return NeuralMath.floorDiv(a[i], b[i] >> 22 | 1);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int[] batch_multiplyExact() {
        return NeuralMath.multiplyExact(batchFactorsA, batchFactorsB);
    }

    /** A tenth of the batch: each element up to 32 subtractions deep (fewer for these uniform operands). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH / 10)
    public int[] batch_floorDiv() {
        return NeuralMath.floorDiv(Arrays.copyOf(batchA, BATCH / 10), Arrays.copyOf(divisors, BATCH / 10));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int[] batch_add() {
        return NeuralAdder.add(batchA, batchB);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int[] batch_subtractExact() {
        return NeuralMath.subtractExact(batchA, batchB);
    }
}
