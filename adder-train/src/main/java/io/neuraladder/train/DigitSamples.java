package io.neuraladder.train;

import io.neuraladder.contract.Operator;
import java.util.SplittableRandom;

/**
 * Random non-negative operands in one radix as digit strings ({@link Character#forDigit}), most
 * significant digit first, leading zeros allowed, drawn for an {@link Operator}'s chains: for
 * {@link Operator#ADD} as below; for {@link Operator#SUBTRACT} the same shapes with its own pairs
 * (a borrow starts where {@code a < b}, ripples through {@code a = b}, and stops where
 * {@code a > b}: {@code "1000…0" - "1"}). Uniform digits rarely carry far; carry-heavy
 * pairs make every digit pair sum to {@code r - 1} after a pair that carries, so one carry ripples
 * through the whole number ("999…9" + "1" in decimal, "fff…f" + "1" in hexadecimal); quiet chains
 * make them sum to {@code r - 1} after a pair that does not carry, or from the lowest digit, so the
 * adder must hold a carry of 0 through a chain ("fff…f" + "0"). Uniform digits give a chain of
 * {@code k} such pairs with probability {@code r^-k}: in radix 16 a network can be exact on
 * uniform and carry-heavy pairs and still let a quiet chain of five pairs turn into a carry.
 */
public final class DigitSamples {

    private final Operator operator;
    private final int radix;

    /** Samples for an adder in {@code radix}. */
    public DigitSamples(int radix) {
        this(Operator.ADD, radix);
    }

    /** Samples for {@code operator} in {@code radix}. */
    public DigitSamples(Operator operator, int radix) {
        this.operator = operator;
        this.radix = radix;
    }

    /** {@code count} pairs of {@code digits}-digit numbers with uniform random digits. */
    public String[][] uniform(SplittableRandom random, int count, int digits) {
        String[][] pairs = new String[count][];
        for (int n = 0; n < count; n++) {
            char[] a = new char[digits];
            char[] b = new char[digits];
            for (int t = 0; t < digits; t++) {
                a[t] = digit(random.nextInt(radix));
                b[t] = digit(random.nextInt(radix));
            }
            pairs[n] = new String[] {new String(a), new String(b)};
        }
        return pairs;
    }

    /**
     * {@code count} pairs of {@code digits}-digit numbers whose low digits start a carry that
     * ripples: above a random carrying pair, every digit pair sums to {@code r - 1}, up to a
     * random height.
     */
    public String[][] carryHeavy(SplittableRandom random, int count, int digits) {
        return withChains(random, count, digits, (a, b, low, top) -> {
            int first = 1 + random.nextInt(radix - 1);
            int second = random.nextInt(first);
            int[] start = operator.startingPair(radix, first, second);
            a[low] = digit(start[0]);
            b[low] = digit(start[1]);
            chain(random, a, b, low - 1, Math.max(top, 0));
        });
    }

    /**
     * {@code count} pairs of {@code digits}-digit numbers in which a chain of digit pairs summing to
     * {@code r - 1} starts at a random digit and rises to a random height with no carry into it:
     * below a chain that does not start at the lowest digit lies a pair that cannot carry.
     */
    public String[][] quietChains(SplittableRandom random, int count, int digits) {
        return withChains(random, count, digits, (a, b, low, top) -> {
            if (low < digits - 1) {
                int below = random.nextInt(radix - 1);
                int other = random.nextInt(radix - 1 - below);
                int[] quiet = operator.quietPair(radix, below, other);
                a[low + 1] = digit(quiet[0]);
                b[low + 1] = digit(quiet[1]);
            }
            chain(random, a, b, low, top);
        });
    }

    /** Writes a chain into uniform digit strings at array positions {@code low} down to {@code top}. */
    private interface ChainWriter {
        void write(char[] a, char[] b, int low, int top);
    }

    /** Uniform pairs, each with a chain from a random digit to a random height above it. */
    private String[][] withChains(SplittableRandom random, int count, int digits, ChainWriter writer) {
        String[][] pairs = uniform(random, count, digits);
        for (String[] pair : pairs) {
            char[] a = pair[0].toCharArray();
            char[] b = pair[1].toCharArray();
            int start = random.nextInt(digits);
            int end = start + random.nextInt(digits - start);
            writer.write(a, b, digits - 1 - start, digits - 1 - end);
            pair[0] = new String(a);
            pair[1] = new String(b);
        }
        return pairs;
    }

    /**
     * Random digit pairs that pass the operator's state on (summing to {@code r - 1} for addition,
     * equal for subtraction) at array positions {@code from} down to {@code to}: a chain rising from
     * digit {@code from}.
     */
    private void chain(SplittableRandom random, char[] a, char[] b, int from, int to) {
        for (int position = from; position >= to; position--) {
            int x = random.nextInt(radix);
            a[position] = digit(x);
            b[position] = digit(operator.propagatingPartner(radix, x));
        }
    }

    private char digit(int value) {
        return Character.forDigit(value, radix);
    }
}
