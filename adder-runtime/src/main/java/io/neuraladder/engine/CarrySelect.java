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
 * Below {@value #INCREMENTS_FROM_CHUNKS} chunks in a call, where a run's fixed cost outweighs its
 * rows, every chunk but the lowest runs for a carry-in of 1 from its operands instead, beside the
 * carry-in 0 strings in the same run: a plain carry-select.
 */
final class CarrySelect {

    /**
     * Bits per chunk: one {@code long} word of each operand's two's complement. The best of 64, 128,
     * 256 and 512 measured for 1,024 to 65,536-bit operands.
     */
    static final int CHUNK_BITS = Long.SIZE;

    /** Steps of a string that covers a whole chunk: the carry-in pair, the chunk, the carry-out step. */
    static final int STRING_STEPS = CHUNK_BITS + 2;

    /**
     * Chunks in a call from which the results for a carry-in of 1 are increments, in a second run;
     * below, both carry-ins run from the operands in one run, which is as fast at 16 chunks and
     * faster at 4 (docs/performance.md).
     */
    static final int INCREMENTS_FROM_CHUNKS = 32;

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
        for (int i = from; i < to; i++) {
            int count = chunks(steps[i]);
            long[] wordsA = TwosComplement.words(a[i], count);
            long[] wordsB = TwosComplement.words(b[i], count);
            for (int k = 0; k < count; k++) {
                chunks.add(new Chunk(wordsA[k], wordsB[k], k == 0));
            }
        }
        if (chunks.size() < INCREMENTS_FROM_CHUNKS) {
            List<Text> bothCarryIns = new ArrayList<>();
            for (Chunk chunk : chunks) {
                bothCarryIns.add(new Text(chunk, Kind.CARRY_IN_0));
                if (!chunk.lowest) {
                    bothCarryIns.add(new Text(chunk, Kind.CARRY_IN_1));
                }
            }
            inRuns(bothCarryIns, run);
        } else {
            inRuns(chunks.stream().map(chunk -> new Text(chunk, Kind.CARRY_IN_0)).toList(), run);
            List<Chunk> upper = chunks.stream().filter(chunk -> !chunk.lowest).toList();
            for (Chunk chunk : upper) {
                chunk.incrementBits = incrementBits(chunk.sum);
            }
            inRuns(upper.stream().map(chunk -> new Text(chunk, Kind.INCREMENT)).toList(), run);
        }
        int next = 0;
        for (int i = from; i < to; i++) {
            int count = chunks(steps[i]);
            results[i] = chosen(chunks.subList(next, next + count));
            next += count;
        }
    }

    /** Runs {@code strings}, in runs of at most {@link #maxStrings}, and keeps what each gives its chunk. */
    private void inRuns(List<Text> strings, StringRun run) {
        for (int from = 0; from < strings.size(); from += maxStrings) {
            List<Text> batch = strings.subList(from, Math.min(strings.size(), from + maxStrings));
            int steps = batch.stream().mapToInt(Text::steps).max().orElseThrow();
            int rows = (batch.size() + multiple - 1) / multiple * multiple;
            float[] output = run.run(input(batch, steps, rows), steps, rows);
            readAll(output, batch, steps, rows);
        }
    }

    /**
     * The strings' input, {@code [steps, rows, 2]}: each string's carry-in pair, then its digit
     * pairs (the operands' bits, or for an increment the first run's digits and 0), then
     * {@code (0, 0)} steps. Written step by step, as the tensor lies in memory.
     */
    private float[] input(List<Text> batch, int steps, int rows) {
        float[] input = new float[steps * rows * ModelContract.INPUT_FEATURES];
        long[] x = new long[batch.size()];
        long[] y = new long[batch.size()];
        for (int n = 0; n < batch.size(); n++) {
            Text text = batch.get(n);
            Chunk chunk = text.chunk();
            x[n] = (text.kind() == Kind.INCREMENT ? chunk.sum : chunk.a) & text.digitMask();
            y[n] = text.kind() == Kind.INCREMENT ? 0 : chunk.b & text.digitMask();
            int[] first = carryInPairs[text.kind() == Kind.CARRY_IN_0 ? 0 : 1];
            put(input, rows, 0, n, first[0], first[1]);
        }
        for (int t = 0; t < Math.min(CHUNK_BITS, steps - 1); t++) {
            for (int n = 0; n < batch.size(); n++) {
                put(input, rows, t + 1, n, (int) (x[n] >>> t) & 1, (int) (y[n] >>> t) & 1);
            }
        }
        return input;
    }

    /** Reads the strings' outputs, {@code [steps, rows]}, step by step as they lie in memory, and keeps each string's. */
    private static void readAll(float[] output, List<Text> batch, int steps, int rows) {
        long[] outputs = new long[batch.size()];
        boolean[] lastBits = new boolean[batch.size()];
        for (int t = 1; t < steps; t++) {
            for (int n = 0; n < batch.size(); n++) {
                long bit = output[t * rows + n] > ModelContract.THRESHOLD ? 1L : 0L;
                if (t <= CHUNK_BITS) {
                    outputs[n] |= bit << (t - 1);
                } else {
                    lastBits[n] = bit == 1;
                }
            }
        }
        for (int n = 0; n < batch.size(); n++) {
            read(outputs[n], lastBits[n], batch.get(n));
        }
    }

    /**
     * Keeps what a string gave its chunk: {@code outputs}, the outputs after its carry-in step, one
     * bit per step (those past its digits are padding's), and {@code lastBit}, the output of a
     * whole chunk's carry-out step.
     */
    private static void read(long outputs, boolean lastBit, Text text) {
        boolean wholeChunk = text.digits() == CHUNK_BITS;
        long word = outputs & text.digitMask();
        int carryOut = wholeChunk && lastBit ? 1 : 0;
        Chunk chunk = text.chunk();
        switch (text.kind()) {
            case CARRY_IN_0 -> {
                chunk.sum = word;
                chunk.carryOut = carryOut;
            }
            case CARRY_IN_1 -> {
                chunk.sumWithCarry = word;
                chunk.carryOutWithCarry = carryOut;
            }
            case INCREMENT -> {
                chunk.sumWithCarry = word | chunk.sum & ~text.digitMask();
                chunk.carryOutWithCarry = chunk.carryOut | carryOut;
            }
        }
    }

    /** Digits a carry-in of 1 must run through {@code sum} before the operator's state is 0 again. */
    private int incrementBits(long sum) {
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
        long[] words = new long[chunks.size()];
        int carry = 0;
        for (int k = 0; k < chunks.size(); k++) {
            Chunk chunk = chunks.get(k);
            words[k] = carry == 0 ? chunk.sum : chunk.sumWithCarry;
            carry = carry == 0 ? chunk.carryOut : chunk.carryOutWithCarry;
        }
        return TwosComplement.of(words, words.length * Long.SIZE);
    }

    /** What a string computes for its chunk. */
    private enum Kind {
        /** The chunk's digits and carry-out for a carry-in of 0. */
        CARRY_IN_0,
        /** The same for a carry-in of 1, from the operands. */
        CARRY_IN_1,
        /** The same for a carry-in of 1, from the digits for a carry-in of 0. */
        INCREMENT
    }

    /** One string: a chunk and what it computes for it. */
    private record Text(Chunk chunk, Kind kind) {
        /** Digit pairs after the carry-in pair. */
        int digits() {
            return kind == Kind.INCREMENT ? chunk.incrementBits : CHUNK_BITS;
        }

        /** The bits of a chunk's word that its digits cover. */
        long digitMask() {
            return digits() == CHUNK_BITS ? -1L : ~(-1L << digits());
        }

        /** Steps: the carry-in pair, the digits and, over a whole chunk, the carry-out step. */
        int steps() {
            return 1 + digits() + (digits() == CHUNK_BITS ? 1 : 0);
        }
    }

    /** One chunk: its operand words, and what the runs gave for a carry-in of 0 and of 1. */
    private static final class Chunk {
        private final long a;
        private final long b;
        private final boolean lowest;
        private long sum;
        private int carryOut;
        private int incrementBits;
        private long sumWithCarry;
        private int carryOutWithCarry;

        /** A chunk of operand words {@code a} and {@code b}; the {@code lowest} of its pair has no carry-in. */
        Chunk(long a, long b, boolean lowest) {
            this.a = a;
            this.b = b;
            this.lowest = lowest;
        }
    }

    private static void put(float[] input, int strings, int step, int string, int x, int y) {
        int at = (step * strings + string) * ModelContract.INPUT_FEATURES;
        input[at] = x;
        input[at + 1] = y;
    }
}
