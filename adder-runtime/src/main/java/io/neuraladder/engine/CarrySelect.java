package io.neuraladder.engine;

import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.nio.FloatBuffer;

/**
 * Long operands with few steps in sequence: each operand pair is cut into chunks of
 * {@value #CHUNK_BITS} bits, every chunk is computed for a carry-in (or borrow-in) of 0 and of 1,
 * all side by side in one batched run, and the network's own carry-outs choose, chunk by chunk.
 *
 * <p>Every bit comes from the certified model running a string of its contract. A chunk with
 * operand bits {@code x} and {@code y} and carry-in {@code c} is the string
 * {@code p(c), (x_0, y_0), …, (x_{n-1}, y_{n-1}), (0, 0)}: the first pair {@code p(c)} is one the
 * operator's step takes from the initial state to state {@code c} (for an adder {@code (0,0)} or
 * {@code (1,1)}, for a subtractor {@code (0,0)} or {@code (0,1)}), so the next {@code n} outputs are
 * the chunk's digits with carry-in {@code c}, and the last step, a {@code (0,0)} pair, outputs the
 * state it finds: the chunk's carry-out. Java only lays the strings out and picks, for each chunk,
 * the string whose carry-in is the previous chunk's chosen carry-out (docs/certification.md).
 *
 * <p>Chunking doubles the cell steps and trades them for parallel rows; it pays where a run would
 * otherwise be a few rows running thousands of steps.
 */
final class CarrySelect {

    /** Bits per chunk, one {@code long}: the best of 64, 128, 256 and 512 measured for 1,024 to 65,536-bit operands. */
    static final int CHUNK_BITS = 64;

    /** Steps of every chunk's string: the carry-in pair, the chunk, the carry-out step. */
    static final int STRING_STEPS = CHUNK_BITS + 2;

    /** Runs {@code strings} strings of {@link #STRING_STEPS} steps; returns each step's sum-bit probability, step after step. */
    interface StringRun {
        FloatBuffer run(FloatBuffer input, int strings);
    }

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
        this.maxStrings = maxStrings / multiple * multiple;
        this.multiple = multiple;
    }

    static int chunks(int steps) {
        return (steps + CHUNK_BITS - 1) / CHUNK_BITS;
    }

    /**
     * {@code a[i] op b[i]} for {@code i} in {@code [from, to)} into {@code results}, each over
     * {@code steps[i]} bits (at least its exact result's two's-complement width), chunk after chunk
     * in as few runs as the string limit allows.
     */
    void exact(BigInteger[] a, BigInteger[] b, int[] steps, int from, int to, StringRun run, BigInteger[] results) {
        int pair = from;
        int chunk = 0;
        Selection[] selections = new Selection[to - from];
        while (pair < to) {
            int firstPair = pair;
            int firstChunk = chunk;
            int strings = 0;
            while (pair < to && strings + Operator.STATES <= maxStrings) {
                strings += chunk == 0 ? 1 : Operator.STATES;
                if (++chunk == chunks(steps[pair])) {
                    pair++;
                    chunk = 0;
                }
            }
            int padded = (strings + multiple - 1) / multiple * multiple;
            FloatBuffer input = FloatBuffer.allocate(STRING_STEPS * padded * ModelContract.INPUT_FEATURES);
            int string = 0;
            long[] wordsA = null;
            long[] wordsB = null;
            for (int i = firstPair, k = firstChunk; i < pair || (i == pair && k < chunk); ) {
                if (wordsA == null) {
                    wordsA = TwosComplement.words(a[i], chunks(steps[i]));
                    wordsB = TwosComplement.words(b[i], chunks(steps[i]));
                }
                for (int carry = 0; carry < (k == 0 ? 1 : Operator.STATES); carry++) {
                    write(input, padded, string++, carry, wordsA[k], wordsB[k]);
                }
                if (++k == chunks(steps[i])) {
                    i++;
                    k = 0;
                    wordsA = null;
                }
            }
            FloatBuffer output = run.run(input, padded);
            string = 0;
            for (int i = firstPair, k = firstChunk; i < pair || (i == pair && k < chunk); ) {
                if (k == 0) {
                    selections[i - from] = new Selection(chunks(steps[i]));
                }
                Selection selection = selections[i - from];
                string += selection.choose(output, padded, string, k);
                if (++k == chunks(steps[i])) {
                    results[i] = selection.result();
                    selections[i - from] = null;
                    i++;
                    k = 0;
                }
            }
        }
    }

    /** One operand pair's chosen bits so far and the carry into its next chunk. */
    private static final class Selection {
        private final byte[] littleEndian;
        private int carry;

        Selection(int chunks) {
            littleEndian = new byte[chunks * CHUNK_BITS / Byte.SIZE];
        }

        /** Takes chunk {@code k}'s string for the current carry from those at {@code string}; returns how many it had. */
        int choose(FloatBuffer output, int strings, int string, int k) {
            int chosen = string + (k == 0 ? 0 : carry);
            for (int t = 0; t < CHUNK_BITS; t++) {
                if (bit(output, strings, t + 1, chosen)) {
                    int position = k * CHUNK_BITS + t;
                    littleEndian[position / Byte.SIZE] |= (byte) (1 << (position % Byte.SIZE));
                }
            }
            carry = bit(output, strings, CHUNK_BITS + 1, chosen) ? 1 : 0;
            return k == 0 ? 1 : Operator.STATES;
        }

        BigInteger result() {
            return TwosComplement.of(littleEndian);
        }
    }

    private void write(FloatBuffer input, int strings, int string, int carry, long chunkA, long chunkB) {
        int[] first = carryInPairs[carry];
        put(input, strings, 0, string, first[0], first[1]);
        for (int t = 0; t < CHUNK_BITS; t++) {
            put(input, strings, t + 1, string, (int) (chunkA >>> t) & 1, (int) (chunkB >>> t) & 1);
        }
        put(input, strings, CHUNK_BITS + 1, string, 0, 0);
    }

    private static void put(FloatBuffer input, int strings, int step, int string, int x, int y) {
        int at = (step * strings + string) * ModelContract.INPUT_FEATURES;
        input.put(at, x);
        input.put(at + 1, y);
    }

    private static boolean bit(FloatBuffer output, int strings, int step, int string) {
        return output.get(step * strings + string) > ModelContract.THRESHOLD;
    }
}
