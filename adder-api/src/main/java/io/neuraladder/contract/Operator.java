package io.neuraladder.contract;

import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An operator a model computes digit by digit, least significant first, as a finite-state
 * transducer: a state that starts at {@link #initialState()}, and a step that reads one digit of
 * each operand and writes one output digit and the next state. Training computes its targets from
 * this step, the certificate search and the runtime's kernel label their regions with it, and the
 * self-tests check against it; the model file's {@link MetadataKey#OPERATOR} only says which one
 * the file claims.
 *
 * <p>Everything that differs between operators is a value here: the step, the reference result
 * Java computes, the sign and names in messages, and the shapes of the samples that exercise its
 * state (chains). Adding a learned operator is one constant, a model file and its tests.
 *
 * <p>Every operator here has {@value #STATES} states (a carry or a borrow, 0 or 1) and is defined
 * in every radix from 2 to {@link DigitSerialContract#MAX_RADIX}.
 */
public enum Operator {

    /** {@code a + b}: the state is the carry; digit {@code (a + b + c) mod r}, carry {@code (a + b + c) ≥ r}. */
    ADD("add", "carry", "+", "adder", "adds", "sum") {
        @Override
        public int output(int radix, int state, int a, int b) {
            return (a + b + state) % radix;
        }

        @Override
        public int next(int radix, int state, int a, int b) {
            return a + b + state >= radix ? 1 : 0;
        }

        @Override
        public int wrapped(int a, int b) {
            return a + b;
        }

        @Override
        public BigInteger exact(BigInteger a, BigInteger b) {
            return a.add(b);
        }

        @Override
        public int[] startingPair(int radix, int high, int low) {
            return new int[] {high, radix - high + low};
        }

        @Override
        public int propagatingPartner(int radix, int a) {
            return radix - 1 - a;
        }

        @Override
        public int[] quietPair(int radix, int x, int y) {
            return new int[] {x, y};
        }

        @Override
        public IntPairs chainHeavy(SplittableRandom random, int count) {
            return OperandSamples.carryHeavy(random, count);
        }
    },

    /** {@code a − b}: the state is the borrow; digit {@code (a − b − c) mod r}, borrow {@code (a − b − c) < 0}. */
    SUBTRACT("subtract", "borrow", "-", "subtractor", "subtracts", "difference") {
        @Override
        public int output(int radix, int state, int a, int b) {
            return Math.floorMod(a - b - state, radix);
        }

        @Override
        public int next(int radix, int state, int a, int b) {
            return a - b - state < 0 ? 1 : 0;
        }

        @Override
        public int wrapped(int a, int b) {
            return a - b;
        }

        @Override
        public BigInteger exact(BigInteger a, BigInteger b) {
            return a.subtract(b);
        }

        @Override
        public int[] startingPair(int radix, int high, int low) {
            return new int[] {low, high};
        }

        @Override
        public int propagatingPartner(int radix, int a) {
            return a;
        }

        @Override
        public int[] quietPair(int radix, int x, int y) {
            return new int[] {radix - 1 - y, x};
        }

        @Override
        public IntPairs chainHeavy(SplittableRandom random, int count) {
            return OperandSamples.borrowHeavy(random, count);
        }
    };

    /** States of every operator: the carry or borrow is 0 or 1. */
    public static final int STATES = 2;

    private final String metadataName;
    private final String stateName;
    private final String symbol;
    private final String noun;
    private final String verb;
    private final String resultName;

    Operator(String metadataName, String stateName, String symbol, String noun, String verb, String resultName) {
        this.metadataName = metadataName;
        this.stateName = stateName;
        this.symbol = symbol;
        this.noun = noun;
        this.verb = verb;
        this.resultName = resultName;
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

    /** The low 32 bits of the exact result, as Java's {@code +} and {@code -} give them: int checks' reference. */
    public abstract int wrapped(int a, int b);

    /** The exact result. */
    public abstract BigInteger exact(BigInteger a, BigInteger b);

    /**
     * A digit pair that sets the state from the initial one, given two digits
     * {@code 0 ≤ low < high < radix}: a carry for addition ({@code high + (r − high + low) ≥ r}),
     * a borrow for subtraction ({@code low − high < 0}). Samples put it under a chain.
     *
     * @return the pair {@code {a, b}}
     */
    public abstract int[] startingPair(int radix, int high, int low);

    /** The digit {@code b} that, beside {@code a}, passes the state on unchanged: a chain's pair. */
    public abstract int propagatingPartner(int radix, int a);

    /**
     * A digit pair that can never set the state, whatever state it receives, given digits with
     * {@code x + y ≤ r − 2}: what lies below a quiet chain.
     *
     * @return the pair {@code {a, b}}
     */
    public abstract int[] quietPair(int radix, int x, int y);

    /** {@code count} int pairs whose state runs through long chains: carries for addition, borrows for subtraction. */
    public abstract IntPairs chainHeavy(SplittableRandom random, int count);

    /** The operator's sign in messages: {@code +} or {@code -}. */
    public String symbol() {
        return symbol;
    }

    /** What a model of this operator is called: {@code adder}, {@code subtractor}. */
    public String noun() {
        return noun;
    }

    /** What a model of this operator does, in sentences: {@code adds}, {@code subtracts}. */
    public String verb() {
        return verb;
    }

    /** What the operator's result is called: {@code sum}, {@code difference}. */
    public String resultName() {
        return resultName;
    }

    /** The noun with its article, for messages: {@code an adder}, {@code a subtractor}. */
    public String withArticle() {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** What {@link #chainHeavy} samples are called in tables: {@code carry-heavy}, {@code borrow-heavy}. */
    public String chainHeavyName() {
        return stateName + "-heavy";
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
