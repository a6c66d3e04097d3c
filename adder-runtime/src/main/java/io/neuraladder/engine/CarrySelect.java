package io.neuraladder.engine;

import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Long operands with few steps in sequence, as a carry-increment adder (a carry-select adder that
 * computes its second sum from the first): each operand pair is cut into chunks of
 * {@value #CHUNK_BITS} bits; one batched run computes every chunk for a carry-in (or borrow-in) of
 * 0, a second computes each chunk's result for a carry-in of 1 from the first, and the network's own
 * carry-outs choose, chunk by chunk.
 *
 * <p>Every bit comes from the certified model running a string of its contract. The first run's
 * string for a chunk with operand bits {@code x} and {@code y} is
 * {@code p(0), (x_0, y_0), …, (x_{n-1}, y_{n-1}), (0, 0)}: the first pair {@code p(c)} is one the
 * operator's step takes from the initial state to state {@code c} (for an adder {@code (0,0)} or
 * {@code (1,1)}, for a subtractor {@code (0,0)} or {@code (0,1)}), so the next {@code n} outputs are
 * the chunk's digits {@code s}, and the last step, a {@code (0,0)} pair, outputs the state it
 * finds: the chunk's carry-out {@code c0}. With a carry-in of 1 the chunk's result is {@code s}
 * with a carry-in of 1 and a second operand of 0 ({@code x + y + 1 = s + 1 + c0·2^n}; for a
 * subtractor {@code s − 1}), so the second run's string is {@code p(1), (s_0, 0), …, (s_{m-1}, 0)}
 * and, when it covers the whole chunk, a {@code (0,0)} step. It stops at the first digit after which
 * the operator's state is 0 again: from there a second operand of 0 leaves the digits of {@code s}
 * as they are and the state at 0, so the chunk's upper digits are those of {@code s} and its
 * carry-out is {@code c0}; when it covers the chunk, the carry-out is {@code c0} or the string's own
 * (both cannot be 1: {@code x + y + 1 ≤ 2^(n+1) − 1}). Java only lays the strings out and picks, for
 * each chunk, the result whose carry-in is the previous chunk's chosen carry-out
 * (docs/certification.md).
 *
 * <p>The second run's strings are short (a chunk of random digits stops after two digits on
 * average), so the cell steps are about those of one pass, where a plain carry-select's are two.
 */
final class CarrySelect {

    /**
     * Bits per chunk: one {@code long} word of each operand's two's complement. The best of 64, 128,
     * 256 and 512 measured for 1,024 to 65,536-bit operands.
     */
    static final int CHUNK_BITS = Long.SIZE;

    /** Steps of a string that covers a whole chunk: the carry-in pair, the chunk, the carry-out step. */
    static final int STRING_STEPS = CHUNK_BITS + 2;

    /** Runs {@code strings} strings of {@code steps} steps; returns each step's probabilities, step after step. */
    interface StringRun {
        float[] run(float[] input, int steps, int strings);
    }

    private final Operator operator;
    private final int[][] carryInPairs = new int[Operator.STATES][];
    private final int maxStrings;
    private final int multiple;

    /**
     * The layout of {@code operator}'s strings, in runs of at most {@code maxStrings} strings, each
     * run's count padded to a multiple of {@code multiple} (the run's pairs per row).
     */
    CarrySelect(Operator operator, int maxStrings, int multiple) {
        for (int x = 0; x <= 1; x++) {
            for (int y = 0; y <= 1; y++) {
                int state = operator.next(2, operator.initialState(), x, y);
                if (carryInPairs[state] == null) {
                    carryInPairs[state] = new int[] {x, y};
                }
            }
        }
        for (int state = 0; state < Operator.STATES; state++) {
            if (operator.output(2, state, 0, 0) != state) {
                throw new IllegalStateException(operator + ": a (0, 0) step must output the state it finds");
            }
        }
        for (int x = 0; x <= 1; x++) {
            if (operator.output(2, 0, x, 0) != x || operator.next(2, 0, x, 0) != 0) {
                throw new IllegalStateException(operator + ": from state 0, a pair (x, 0) must output x and stay in 0");
            }
        }
        this.operator = operator;
        this.maxStrings = maxStrings / multiple * multiple;
        this.multiple = multiple;
    }

    /** Chunks of an operand pair of {@code steps} bits: one per word. */
    static int chunks(int steps) {
        return TwosComplement.wordsFor(steps);
    }

    /**
     * {@code a[i] op b[i]} for {@code i} in {@code [from, to)} into {@code results}, each over
     * {@code steps[i]} bits (at least its exact result's two's-complement width), in as few runs as
     * the string limit allows.
     */
    void exact(BigInteger[] a, BigInteger[] b, int[] steps, int from, int to, StringRun run, BigInteger[] results) {
        List<Chunk> chunks = new ArrayList<>();
        List<Chunk> carried = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int count = chunks(steps[i]);
            long[] wordsA = TwosComplement.words(a[i], count);
            long[] wordsB = TwosComplement.words(b[i], count);
            for (int k = 0; k < count; k++) {
                chunks.add(new Chunk(wordsA[k], wordsB[k]));
            }
        }
        inRuns(chunks, run, false);
        for (Chunk chunk : chunks) {
            chunk.stringBits = coveredBits(chunk.sum);
        }
        int next = 0;
        for (int i = from; i < to; i++) {
            carried.addAll(chunks.subList(next + 1, next + chunks(steps[i])));
            next += chunks(steps[i]);
        }
        inRuns(carried, run, true);
        next = 0;
        for (int i = from; i < to; i++) {
            int count = chunks(steps[i]);
            results[i] = chosen(chunks.subList(next, next + count));
            next += count;
        }
    }

    /** Runs every chunk's string for a carry-in of 0 or of 1, in runs of at most {@link #maxStrings}. */
    private void inRuns(List<Chunk> chunks, StringRun run, boolean carryIn) {
        for (int from = 0; from < chunks.size(); from += maxStrings) {
            List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + maxStrings));
            int steps = 0;
            for (Chunk chunk : batch) {
                steps = Math.max(steps, carryIn ? chunk.stringBits + (chunk.stringBits == CHUNK_BITS ? 2 : 1)
                        : STRING_STEPS);
            }
            int strings = (batch.size() + multiple - 1) / multiple * multiple;
            float[] input = new float[steps * strings * ModelContract.INPUT_FEATURES];
            for (int n = 0; n < batch.size(); n++) {
                Chunk chunk = batch.get(n);
                int[] first = carryInPairs[carryIn ? 1 : 0];
                put(input, strings, 0, n, first[0], first[1]);
                int bits = carryIn ? chunk.stringBits : CHUNK_BITS;
                for (int t = 0; t < bits; t++) {
                    put(input, strings, t + 1, n, (int) ((carryIn ? chunk.sum : chunk.a) >>> t) & 1,
                            carryIn ? 0 : (int) (chunk.b >>> t) & 1);
                }
            }
            float[] output = run.run(input, steps, strings);
            for (int n = 0; n < batch.size(); n++) {
                Chunk chunk = batch.get(n);
                int bits = carryIn ? chunk.stringBits : CHUNK_BITS;
                long word = 0;
                for (int t = 0; t < bits; t++) {
                    word |= (bit(output, strings, t + 1, n) ? 1L : 0L) << t;
                }
                if (!carryIn) {
                    chunk.sum = word;
                    chunk.carryOut = bit(output, strings, CHUNK_BITS + 1, n) ? 1 : 0;
                } else {
                    long upper = bits == CHUNK_BITS ? 0 : -1L << bits;
                    chunk.sumWithCarry = word | chunk.sum & upper;
                    chunk.carryOutWithCarry = chunk.carryOut
                            | (bits == CHUNK_BITS && bit(output, strings, CHUNK_BITS + 1, n) ? 1 : 0);
                }
            }
        }
    }

    /** Digits a carry-in of 1 must run through {@code sum} before the operator's state is 0 again. */
    private int coveredBits(long sum) {
        int state = 1;
        for (int t = 0; t < CHUNK_BITS; t++) {
            state = operator.next(2, state, (int) (sum >>> t) & 1, 0);
            if (state == 0) {
                return t + 1;
            }
        }
        return CHUNK_BITS;
    }

    /** One operand pair's result: its chunks, lowest first, each chosen by the carry out of the one below. */
    private static BigInteger chosen(List<Chunk> chunks) {
        byte[] littleEndian = new byte[chunks.size() * Long.BYTES];
        int carry = 0;
        for (int k = 0; k < chunks.size(); k++) {
            Chunk chunk = chunks.get(k);
            long word = carry == 0 ? chunk.sum : chunk.sumWithCarry;
            carry = carry == 0 ? chunk.carryOut : chunk.carryOutWithCarry;
            for (int n = 0; n < Long.BYTES; n++) {
                littleEndian[k * Long.BYTES + n] = (byte) (word >>> (Byte.SIZE * n));
            }
        }
        return TwosComplement.of(littleEndian);
    }

    /** One chunk: its operand words, and what the runs gave for a carry-in of 0 and of 1. */
    private static final class Chunk {
        private final long a;
        private final long b;
        private long sum;
        private int carryOut;
        private int stringBits;
        private long sumWithCarry;
        private int carryOutWithCarry;

        Chunk(long a, long b) {
            this.a = a;
            this.b = b;
        }
    }

    private static void put(float[] input, int strings, int step, int string, int x, int y) {
        int at = (step * strings + string) * ModelContract.INPUT_FEATURES;
        input[at] = x;
        input[at + 1] = y;
    }

    private static boolean bit(float[] output, int strings, int step, int string) {
        return output[step * strings + string] > ModelContract.THRESHOLD;
    }
}
