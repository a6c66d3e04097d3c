package io.neuraladder.common;

import io.neuraladder.api.Adder;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The argument checks that several front ends share (as Guava's {@code MathPreconditions} serves
 * {@code IntMath} and {@code LongMath}): each refusal names what was passed and what is accepted.
 */
public final class Checks {

    private Checks() {}

    /** Refuses null operands and operands longer than {@link Adder#MAX_BIG_INTEGER_BITS}, so that one run stays bounded. */
    public static void requireWithinLimit(BigInteger a, BigInteger b) {
        requireBitsAtMost(a, b, Adder.MAX_BIG_INTEGER_BITS,
                "accepted, so that one ONNX Runtime run stays within bounded memory");
    }

    /** Refuses null operands and operands longer than {@code limit} bits, saying why they are {@code why}. */
    public static void requireBitsAtMost(BigInteger a, BigInteger b, int limit, String why) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int longest = Math.max(a.bitLength(), b.bitLength());
        if (longest > limit) {
            throw new IllegalArgumentException("an operand has " + longest + " bits; at most " + limit + " are " + why);
        }
    }

    /** Refuses operand arrays of different lengths, naming each length. */
    public static void requireSameLength(int a, int b) {
        if (b != a) {
            throw new IllegalArgumentException("arrays differ in length: a has " + a + " elements, b " + b);
        }
    }

    /**
     * Refuses operand arrays of different lengths, then a caller's results array of another length,
     * naming it as the caller's parameter {@code results} is named.
     */
    public static void requireSameLength(int a, int b, int resultLength, String results) {
        requireSameLength(a, b);
        if (resultLength != a) {
            throw new IllegalArgumentException("the " + results + " array has " + resultLength
                    + " elements; it must have one per operand pair (" + a + ")");
        }
    }

    /**
     * Refuses fewer than one thread, naming what the threads are for.
     *
     * @return {@code threads}
     */
    public static int requireThreads(String what, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(what + " threads must be at least 1, got " + threads);
        }
        return threads;
    }

    /**
     * Refuses a SHA-256 pin that is not 64 hex digits (any case); {@code null} is no pin.
     *
     * @return {@code sha256Hex}
     */
    public static String requireSha256(String sha256Hex) {
        if (sha256Hex != null && !sha256Hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("a SHA-256 pin is 64 hex digits, got '" + sha256Hex + "'");
        }
        return sha256Hex;
    }
}
