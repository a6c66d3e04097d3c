package io.neuraladder.sampling;

import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Operand pairs that test an adder or a subtractor where they break: edge values, long carry and
 * borrow chains, and uniform random pairs.
 *
 * <p>Uniform pairs alone hide carry bugs: a model exact on 100,000 uniform pairs was measured wrong
 * on ~13% of carry-heavy pairs. Validate on {@link #edgePairs()} and on {@link #carryHeavy} as well.
 * Every generator is deterministic for a given {@link SplittableRandom} state.
 */
public final class OperandSamples {

    private static final int[] EDGE_VALUES = computeEdgeValues();

    private OperandSamples() {}

    /**
     * The edge values, sorted: 0, ±1, ±2, MIN, MIN+1, MAX, MAX−1, every ±2^k and 2^k−1, and
     * alternating and blocked bit patterns such as 0x55555555 and 0xAAAAAAAA.
     */
    public static int[] edgeValues() {
        return EDGE_VALUES.clone();
    }

    /** Every ordered pair of {@link #edgeValues()}. */
    public static IntPairs edgePairs() {
        int n = EDGE_VALUES.length;
        int[] a = new int[n * n];
        int[] b = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = EDGE_VALUES[i];
                b[i * n + j] = EDGE_VALUES[j];
            }
        }
        return new IntPairs(a, b);
    }

    /** {@code count} pairs drawn uniformly from all ints. */
    public static IntPairs uniform(SplittableRandom random, int count) {
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 0; i < count; i++) {
            a[i] = random.nextInt();
            b[i] = random.nextInt();
        }
        return new IntPairs(a, b);
    }

    /** {@code count} pairs whose sums propagate carries over long runs of bits. */
    public static IntPairs carryHeavy(SplittableRandom random, int count) {
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 0; i < count; i++) {
            long pair = carryHeavyPair(random);
            a[i] = (int) (pair >>> 32);
            b[i] = (int) pair;
        }
        return new IntPairs(a, b);
    }

    /**
     * {@code count} pairs whose differences propagate borrows over long runs of bits: {@code x - x},
     * a power of two minus a small number (a borrow through the zeros below it), {@code x - (x ± k)},
     * {@code 0 - x}, pairs that differ in one bit, and pairs at the overflow boundaries
     * ({@code MIN - small}, {@code MAX - (-small)}).
     */
    public static IntPairs borrowHeavy(SplittableRandom random, int count) {
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 0; i < count; i++) {
            long pair = borrowHeavyPair(random);
            a[i] = (int) (pair >>> 32);
            b[i] = (int) pair;
        }
        return new IntPairs(a, b);
    }

    /** {@link #carryHeavy} and {@link #borrowHeavy}, alternating: pairs that are hard for either operator. */
    public static IntPairs chainHeavy(SplittableRandom random, int count) {
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 0; i < count; i++) {
            long pair = i % 2 == 0 ? carryHeavyPair(random) : borrowHeavyPair(random);
            a[i] = (int) (pair >>> 32);
            b[i] = (int) pair;
        }
        return new IntPairs(a, b);
    }

    /**
     * {@code count} long pairs {@code {a, b}}, a quarter each: uniform; a run of k low ones plus 1 (a
     * k-bit carry chain); near {@code Long.MAX_VALUE} plus a small number (overflow and not); minus k
     * ones plus k ones or −1 (chains through the sign).
     */
    public static long[][] mixedLongs(SplittableRandom random, int count) {
        long[] a = new long[count];
        long[] b = new long[count];
        for (int i = 0; i < count; i++) {
            int k = random.nextInt(65);
            long ones = k == 64 ? -1L : (1L << k) - 1;
            a[i] = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> (random.nextLong() << k) | ones;
                case 2 -> Long.MAX_VALUE - random.nextInt(1 << 10);
                default -> -ones;
            };
            b[i] = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> 1;
                case 2 -> random.nextInt(1 << 11);
                default -> random.nextBoolean() ? ones : -1;
            };
        }
        return new long[][] {a, b};
    }

    /**
     * {@code count} long pairs {@code {a, b}} hard for a subtractor, a quarter each: uniform;
     * {@code x - (x ± k)} (a borrow through every bit the two share); {@code 2^k - small} (a borrow
     * through k zeros); the overflow boundaries ({@code MIN + small - small'} and
     * {@code MAX - small - (-small')}, overflowing and not).
     */
    public static long[][] borrowHeavyLongs(SplittableRandom random, int count) {
        long[] a = new long[count];
        long[] b = new long[count];
        for (int i = 0; i < count; i++) {
            long x = random.nextLong();
            int k = random.nextInt(Long.SIZE);
            long small = random.nextInt(1 << 10);
            a[i] = switch (i % 4) {
                case 0 -> x;
                case 1 -> x;
                case 2 -> 1L << k;
                default -> random.nextBoolean() ? Long.MIN_VALUE + small : Long.MAX_VALUE - small;
            };
            b[i] = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextBoolean() ? x + small : x - small;
                case 2 -> 1 + random.nextInt(1 << 12);
                default -> a[i] < 0 ? random.nextInt(1 << 11) : -random.nextInt(1 << 11);
            };
        }
        return new long[][] {a, b};
    }

    /**
     * {@code count} pairs whose products lie near an int's overflow boundary, on both sides: a
     * random factor and the quotient of the boundary by it, give or take one, either sign; then
     * the classic edges (±46341 squared, powers of two, alternating bits).
     */
    public static IntPairs productBoundary(SplittableRandom random, int count) {
        int[] a = new int[count];
        int[] b = new int[count];
        int[] classic = {46340, 46341, -46341, 65536, -65536, 0x5555_5555, 0xAAAA_AAAA, Integer.MIN_VALUE,
                Integer.MAX_VALUE, -1, 1 << 15, 1 << 16, 3, -3};
        for (int i = 0; i < count; i++) {
            if (i % 5 == 0) {
                a[i] = classic[random.nextInt(classic.length)];
                b[i] = classic[random.nextInt(classic.length)];
                continue;
            }
            int x = 1 + random.nextInt(1 << random.nextInt(1, 31));
            long bound = random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            long y = bound / x + random.nextInt(-1, 2);
            a[i] = random.nextBoolean() ? x : -x;
            b[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, a[i] < 0 ? -y : y));
        }
        return new IntPairs(a, b);
    }

    /**
     * {@code count} long pairs whose products lie near a long's overflow boundary, as
     * {@link #productBoundary} for ints (±3037000500 squared among the edges).
     */
    public static long[][] longProductBoundary(SplittableRandom random, int count) {
        long[] a = new long[count];
        long[] b = new long[count];
        long[] classic = {3037000499L, 3037000500L, -3037000500L, 1L << 32, -(1L << 32), 0x5555_5555_5555_5555L,
                Long.MIN_VALUE, Long.MAX_VALUE, -1, 1L << 31, 3, -3};
        for (int i = 0; i < count; i++) {
            if (i % 5 == 0) {
                a[i] = classic[random.nextInt(classic.length)];
                b[i] = classic[random.nextInt(classic.length)];
                continue;
            }
            long x = 1 + random.nextLong(1L << random.nextInt(1, 63));
            long y = (random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE) / x;
            y = y == Long.MIN_VALUE || y == Long.MAX_VALUE ? y : y + random.nextInt(-1, 2);
            a[i] = random.nextBoolean() ? x : -x;
            b[i] = a[i] < 0 && y != Long.MIN_VALUE ? -y : y;
        }
        return new long[][] {a, b};
    }

    /** {@code count} pairs drawn a third each from uniform, edge-value and carry-heavy pairs. */
    public static IntPairs mixed(SplittableRandom random, int count) {
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 0; i < count; i++) {
            long pair = switch (random.nextInt(3)) {
                case 0 -> pack(random.nextInt(), random.nextInt());
                case 1 -> pack(edgeValue(random), edgeValue(random));
                default -> carryHeavyPair(random);
            };
            a[i] = (int) (pair >>> 32);
            b[i] = (int) pair;
        }
        return new IntPairs(a, b);
    }

    private static int edgeValue(SplittableRandom random) {
        return EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
    }

    private static long carryHeavyPair(SplittableRandom random) {
        int x = random.nextInt();
        int k = random.nextInt(Integer.SIZE + 1);
        int lowOnes = k == Integer.SIZE ? -1 : (1 << k) - 1;
        return switch (random.nextInt(6)) {
            // x + (-x): a carry through every bit above x's lowest set bit.
            case 0 -> pack(x, -x);
            // ...0111..1 + 1: a chain of k carries.
            case 1 -> pack((x << k) | lowOnes, 1 << random.nextInt(Math.max(1, k)));
            // x + ~x propagates everywhere; flipping one bit injects a carry into the chain.
            case 2 -> pack(x, ~x ^ (1 << random.nextInt(Integer.SIZE)));
            // Just below and above the overflow boundaries.
            case 3 -> pack(Integer.MAX_VALUE - random.nextInt(1 << 8), random.nextInt(1 << 9));
            case 4 -> pack(Integer.MIN_VALUE + random.nextInt(1 << 8), -random.nextInt(1 << 9));
            // Two runs of ones that overlap.
            default -> pack(run(random), run(random));
        };
    }

    private static long borrowHeavyPair(SplittableRandom random) {
        int x = random.nextInt();
        int k = random.nextInt(Integer.SIZE);
        int small = random.nextInt(1 << random.nextInt(1, 12));
        return switch (random.nextInt(7)) {
            case 0 -> pack(x, x);
            // ...1000..0 - small: a borrow through the k zeros.
            case 1 -> pack((x >>> k << k) | (1 << k), 1 + random.nextInt(Math.max(1, 1 << Math.min(k, 20))));
            case 2 -> pack(x, x + 1 + small);
            case 3 -> pack(x, x - 1 - small);
            case 4 -> pack(random.nextBoolean() ? 0 : Integer.MIN_VALUE + small, random.nextBoolean() ? x : 1 + small);
            case 5 -> pack(x, x ^ (1 << k));
            default -> pack(Integer.MAX_VALUE - small, -random.nextInt(1 << 9));
        };
    }

    private static int run(SplittableRandom random) {
        int from = random.nextInt(Integer.SIZE);
        int length = 1 + random.nextInt(Integer.SIZE - from);
        int ones = length == Integer.SIZE ? -1 : (1 << length) - 1;
        return ones << from;
    }

    private static long pack(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFF_FFFFL);
    }

    private static int[] computeEdgeValues() {
        TreeSet<Integer> values = new TreeSet<>();
        for (int v : new int[] {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
                Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 0x5555_5555, 0xAAAA_AAAA, 0x3333_3333,
                0xCCCC_CCCC, 0x0F0F_0F0F, 0xF0F0_F0F0, 0x00FF_00FF, 0xFF00_FF00, 0x0000_FFFF,
                0xFFFF_0000}) {
            values.add(v);
        }
        for (int k = 0; k < Integer.SIZE; k++) {
            values.add(1 << k);
            values.add((1 << k) - 1);
            values.add(-(1 << k));
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
