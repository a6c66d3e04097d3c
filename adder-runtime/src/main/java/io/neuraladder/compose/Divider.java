package io.neuraladder.compose;

import io.neuraladder.common.Checks;
import java.math.BigInteger;

/**
 * {@link Math#floorDiv} and {@link Math#floorMod} wired from a certified subtractor
 * ({@link Quotients}' restoring division), with {@link Math}'s refusal of a zero divisor.
 */
public final class Divider {

    private Divider() {}

    /** Like {@link Math#floorDiv(int, int)}, {@code floorDiv(Integer.MIN_VALUE, -1)} included. */
    public static int floorDiv(ReloadableSubtractor subtractor, int a, int b) {
        return (int) floor(subtractor, new long[] {a}, new long[] {b}, Integer.SIZE)[0][0].longValue();
    }

    /** Like {@link Math#floorDiv(long, long)}. */
    public static long floorDiv(ReloadableSubtractor subtractor, long a, long b) {
        return floor(subtractor, new long[] {a}, new long[] {b}, Long.SIZE)[0][0].longValue();
    }

    /** Like {@link Math#floorMod(int, int)}. */
    public static int floorMod(ReloadableSubtractor subtractor, int a, int b) {
        return floor(subtractor, new long[] {a}, new long[] {b}, Integer.SIZE)[0][1].intValue();
    }

    /** Like {@link Math#floorMod(long, long)}. */
    public static long floorMod(ReloadableSubtractor subtractor, long a, long b) {
        return floor(subtractor, new long[] {a}, new long[] {b}, Long.SIZE)[0][1].longValue();
    }

    /** {@link Math#floorDiv(int, int)} per element, every element one bit further per subtractor call. */
    public static int[] floorDiv(ReloadableSubtractor subtractor, int[] a, int[] b) {
        Checks.requireSameLength(a.length, b.length);
        long[] x = new long[a.length];
        long[] y = new long[b.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i];
            y[i] = b[i];
        }
        BigInteger[][] floors = floor(subtractor, x, y, Integer.SIZE);
        int[] quotients = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            quotients[i] = (int) floors[i][0].longValue();
        }
        return quotients;
    }

    private static BigInteger[][] floor(ReloadableSubtractor subtractor, long[] a, long[] b, int bits) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                throw new ArithmeticException(b.length == 1 ? "/ by zero" : "/ by zero at index " + i);
            }
        }
        return subtractor.engine().call(engine -> Quotients.floor(engine, a, b, bits));
    }
}
