package io.neuraladder.engine;

import io.neuraladder.contract.ModelContract;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Bits per chunk: one {@code long} word of each operand's two's complement. The best of 64, 128,
     * 256 and 512 measured for 1,024 to 65,536-bit operands.
     */
    static final int CHUNK_BITS = Long.SIZE;

    /** Steps of every chunk's string: the carry-in pair, the chunk, the carry-out step. */
    static final int STRING_STEPS = CHUNK_BITS + 2;

    /**
     * Runs {@code strings} strings of {@link #STRING_STEPS} steps; returns each step's sum-bit
     * probability, step after step.
     */
    interface StringRun {
        float[] run(float[] input, int strings);
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

    /** Chunks of an operand pair of {@code steps} bits: one per word. */
    static int chunks(int steps) {
        return TwosComplement.wordsFor(steps);
    }

    /**
     * {@code a[i] op b[i]} for {@code i} in {@code [from, to)} into {@code results}, each over
     * {@code steps[i]} bits (at least its exact result's two's-complement width), chunk after chunk
     * in as few runs as the string limit allows.
     */
    void exact(BigInteger[] a, BigInteger[] b, int[] steps, int from, int to, StringRun run, BigInteger[] results) {
        List<Operands> operands = new ArrayList<>(to - from);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Operands pair = new Operands(a[i], b[i], chunks(steps[i]));
            operands.add(pair);
            for (int k = 0; k < pair.chunks(); k++) {
                chunks.add(new Chunk(pair, k));
            }
        }
        int next = 0;
        while (next < chunks.size()) {
            int end = next;
            int strings = 0;
            while (end < chunks.size() && strings + chunks.get(end).strings() <= maxStrings) {
                strings += chunks.get(end++).strings();
            }
            runChunks(chunks.subList(next, end), strings, run);
            next = end;
        }
        for (int i = from; i < to; i++) {
            results[i] = operands.get(i - from).result();
        }
    }

    /** Runs {@code chunks} ({@code strings} strings), in order, and lets each operand pair choose. */
    private void runChunks(List<Chunk> chunks, int strings, StringRun run) {
        int padded = (strings + multiple - 1) / multiple * multiple;
        float[] input = new float[STRING_STEPS * padded * ModelContract.INPUT_FEATURES];
        int string = 0;
        for (Chunk chunk : chunks) {
            for (int carry = 0; carry < chunk.strings(); carry++) {
                write(input, padded, string++, carry, chunk.operands().a[chunk.index()],
                        chunk.operands().b[chunk.index()]);
            }
        }
        float[] output = run.run(input, padded);
        string = 0;
        for (Chunk chunk : chunks) {
            chunk.operands().choose(output, padded, string, chunk.index());
            string += chunk.strings();
        }
    }

    /** Chunk {@code index} of an operand pair: its strings, one per carry-in it can have. */
    private record Chunk(Operands operands, int index) {
        int strings() {
            return index == 0 ? 1 : Operator.STATES;
        }
    }

    /** One operand pair's chunks, the bits chosen so far, and the carry into its next chunk. */
    private static final class Operands {
        private final long[] a;
        private final long[] b;
        private final byte[] littleEndian;
        private int carry;

        Operands(BigInteger a, BigInteger b, int chunks) {
            this.a = TwosComplement.words(a, chunks);
            this.b = TwosComplement.words(b, chunks);
            this.littleEndian = new byte[chunks * CHUNK_BITS / Byte.SIZE];
        }

        int chunks() {
            return a.length;
        }

        /** Takes chunk {@code k}'s bits from its string for the current carry, at {@code string} and after. */
        void choose(float[] output, int strings, int string, int k) {
            int chosen = string + (k == 0 ? 0 : carry);
            for (int t = 0; t < CHUNK_BITS; t++) {
                if (bit(output, strings, t + 1, chosen)) {
                    int position = k * CHUNK_BITS + t;
                    littleEndian[position / Byte.SIZE] |= (byte) (1 << (position % Byte.SIZE));
                }
            }
            carry = bit(output, strings, CHUNK_BITS + 1, chosen) ? 1 : 0;
        }

        BigInteger result() {
            return TwosComplement.of(littleEndian);
        }
    }

    private void write(float[] input, int strings, int string, int carry, long chunkA, long chunkB) {
        int[] first = carryInPairs[carry];
        put(input, strings, 0, string, first[0], first[1]);
        for (int t = 0; t < CHUNK_BITS; t++) {
            put(input, strings, t + 1, string, (int) (chunkA >>> t) & 1, (int) (chunkB >>> t) & 1);
        }
        put(input, strings, CHUNK_BITS + 1, string, 0, 0);
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
