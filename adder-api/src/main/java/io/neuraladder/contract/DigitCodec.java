package io.neuraladder.contract;

import java.nio.FloatBuffer;

/**
 * Encodes operands into {@link DigitSerialContract}'s input tensor of one radix and decodes sums
 * from its output tensor. Operands are strings of that radix's digits ({@link Character#digit(char,
 * int)}: {@code 0-9}, then {@code a-z} in either case), most significant first, as people write
 * them; sums are written in lower case. The tensors hold them least significant first,
 * time-major: element {@code [t][i][k]} of a tensor holding {@code count} pairs is at index
 * {@code (t * count + i) * features + k}. Callers check the operands' characters first; this
 * class trusts them.
 */
public final class DigitCodec {

    private final int radix;
    private final int inputFeatures;

    private DigitCodec(int radix) {
        this.radix = DigitSerialContract.requireRadix(radix);
        this.inputFeatures = DigitSerialContract.inputFeatures(radix);
    }

    /** The codec of {@code radix}. */
    public static DigitCodec of(int radix) {
        return new DigitCodec(radix);
    }

    /** The number base. */
    public int radix() {
        return radix;
    }

    /** Features per step of the input tensor, {@code 2r}. */
    public int inputFeatures() {
        return inputFeatures;
    }

    /** Steps needed to add {@code a} and {@code b}: the longer length, plus one for the final carry. */
    public static int steps(CharSequence a, CharSequence b) {
        return Math.max(a.length(), b.length()) + 1;
    }

    /** Digit {@code step} of {@code number} counted from the right, 0 beyond its length. */
    public int digit(CharSequence number, int step) {
        int at = number.length() - 1 - step;
        return at < 0 ? 0 : Character.digit(number.charAt(at), radix);
    }

    /**
     * Writes the one-hot digits of the pairs {@code a[i], b[i]} as a {@code [steps, count, 2r]}
     * tensor into {@code input}, from absolute index 0, every other element 0. {@code steps} must
     * be at least {@link #steps} of every pair.
     */
    public void encode(CharSequence[] a, CharSequence[] b, int steps, FloatBuffer input) {
        int count = a.length;
        int size = steps * count * inputFeatures;
        if (b.length != count || input.capacity() < size) {
            throw new IllegalArgumentException("encoding " + count + " and " + b.length + " operands over " + steps
                    + " steps needs equal counts and " + size + " floats; the buffer holds " + input.capacity());
        }
        for (int i = 0; i < size; i++) {
            input.put(i, 0f);
        }
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < count; n++) {
                int row = (t * count + n) * inputFeatures;
                input.put(row + digit(a[n], t), 1f);
                input.put(row + radix + digit(b[n], t), 1f);
            }
        }
    }

    /**
     * Reads pair {@code pair}'s result from a {@code [steps, count, r]} output tensor at absolute
     * index 0: the arg-max digit of each step, most significant first, without leading zeros
     * ({@code "0"} for zero).
     */
    public String decode(FloatBuffer output, int steps, int count, int pair) {
        return withoutLeadingZeros(digits(output, steps, count, pair));
    }

    /** {@code digits} without leading zeros; {@code "0"} for zero. */
    public static String withoutLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }

    /**
     * Reads pair {@code pair}'s {@code steps} output digits from a {@code [steps, count, r]} output
     * tensor at absolute index 0: the arg-max digit of each step, most significant first, leading
     * zeros kept.
     */
    public String digits(FloatBuffer output, int steps, int count, int pair) {
        char[] digits = new char[steps];
        for (int t = 0; t < steps; t++) {
            int row = (t * count + pair) * radix;
            int best = 0;
            for (int d = 1; d < radix; d++) {
                if (output.get(row + d) > output.get(row + best)) {
                    best = d;
                }
            }
            digits[steps - 1 - t] = Character.forDigit(best, radix);
        }
        return new String(digits);
    }
}
