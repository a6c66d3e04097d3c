package io.neuraladder.contract;

import java.util.Arrays;
import java.util.Locale;

/**
 * An operator a model computes digit by digit, least significant first, as a finite-state
 * transducer: a state that starts at {@link #initialState()}, and a step that reads one digit of
 * each operand and writes one output digit and the next state. Training computes its targets from
 * this step, the certificate search and the runtime's kernel label their regions with it, and the
 * self-tests check against it; the model file's {@link MetadataKey#OPERATOR} only says which one
 * the file claims.
 *
 * <p>Every operator here has {@value #STATES} states (a carry or a borrow, 0 or 1) and is defined
 * in every radix from 2 to {@link DigitSerialContract#MAX_RADIX}.
 */
public enum Operator {

    /** {@code a + b}: the state is the carry; digit {@code (a + b + c) mod r}, carry {@code (a + b + c) ≥ r}. */
    ADD("add", "carry") {
        @Override
        public int output(int radix, int state, int a, int b) {
            return (a + b + state) % radix;
        }

        @Override
        public int next(int radix, int state, int a, int b) {
            return a + b + state >= radix ? 1 : 0;
        }
    },

    /** {@code a − b}: the state is the borrow; digit {@code (a − b − c) mod r}, borrow {@code (a − b − c) < 0}. */
    SUBTRACT("subtract", "borrow") {
        @Override
        public int output(int radix, int state, int a, int b) {
            return Math.floorMod(a - b - state, radix);
        }

        @Override
        public int next(int radix, int state, int a, int b) {
            return a - b - state < 0 ? 1 : 0;
        }
    };

    /** States of every operator: the carry or borrow is 0 or 1. */
    public static final int STATES = 2;

    private final String metadataName;
    private final String stateName;

    Operator(String metadataName, String stateName) {
        this.metadataName = metadataName;
        this.stateName = stateName;
    }

    /** The state before the first step: no carry, no borrow. */
    public int initialState() {
        return 0;
    }

    /** The output digit of one step in {@code state} on digits {@code a} and {@code b} of radix {@code radix}. */
    public abstract int output(int radix, int state, int a, int b);

    /** The state after one step in {@code state} on digits {@code a} and {@code b} of radix {@code radix}. */
    public abstract int next(int radix, int state, int a, int b);

    /** The value of {@link MetadataKey#OPERATOR} for a model of this operator: {@code add}, {@code subtract}. */
    public String metadataName() {
        return metadataName;
    }

    /** What the state stands for, in messages and the explorer: {@code carry} or {@code borrow}. */
    public String stateName() {
        return stateName;
    }

    /** The operator's sign in messages: {@code +} or {@code −}. */
    public String symbol() {
        return this == ADD ? "+" : "-";
    }

    /**
     * The output digits of {@code steps} steps on the digit strings {@code a} and {@code b} (least
     * significant first; digits past an array's end are 0).
     */
    public int[] run(int radix, int[] a, int[] b, int steps) {
        int[] out = new int[steps];
        int state = initialState();
        for (int t = 0; t < steps; t++) {
            int x = t < a.length ? a[t] : 0;
            int y = t < b.length ? b[t] : 0;
            out[t] = output(radix, state, x, y);
            state = next(radix, state, x, y);
        }
        return out;
    }

    /**
     * The operator named {@code name} in a model file's metadata.
     *
     * @throws IllegalArgumentException naming the operators known, if none has that name
     */
    public static Operator fromMetadata(String name) {
        for (Operator operator : values()) {
            if (operator.metadataName.equals(name)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("unknown operator '" + name + "': expected one of "
                + Arrays.stream(values()).map(Operator::metadataName).toList());
    }

    /** The name used on the command line: {@code add}, {@code subtract}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
