package io.neuraladder.contract;

/**
 * The contract of a digit-serial adder model in radix {@code r}: it adds two non-negative numbers
 * one digit pair per step, least significant digit first, carrying the carry in its recurrent
 * state. Radix 10 is the decimal adder behind {@code NeuralAdder.addDecimal}; radix 16 adds four
 * bits per step. Radix 2 is not a digit-serial model: the bit-serial {@link ModelContract} has its
 * own two-feature layout.
 *
 * <p>Its input {@value #INPUT_NAME} is a float32 tensor of shape {@code [steps, batch, 2r]}: at
 * step {@code t}, features {@code 0 … r-1} one-hot encode digit {@code t} of the first operand and
 * features {@code r … 2r-1} digit {@code t} of the second, both counted from the right; steps
 * beyond an operand's length are digit 0. Its output {@value #OUTPUT_NAME}, {@code [steps, batch,
 * r]}, is a softmax over digit {@code t} of the sum, whose value is its arg-max. Adding numbers of
 * at most {@code n} digits takes {@code n + 1} steps, the last for the final carry. Both the step
 * and batch dimensions are symbolic.
 *
 * <p>Everything else follows {@link ModelContract}: version, the required metadata, with
 * {@link MetadataKey#RADIX} = {@code r} telling the contracts apart. Every radix from
 * {@value #MIN_RADIX} to {@value #MAX_RADIX} is defined (operands written as strings use
 * {@link Character#digit(char, int)}'s digits, so {@code 0-9a-z}); {@link DigitCodec} implements
 * the encoding on both sides.
 */
public final class DigitSerialContract {

    /** The radix of the decimal adder. */
    public static final int DECIMAL = 10;

    /** The smallest digit-serial radix; radix 2 is the bit-serial {@link ModelContract}. */
    public static final int MIN_RADIX = 3;

    /** The largest radix: digits are written {@code 0-9a-z}. */
    public static final int MAX_RADIX = Character.MAX_RADIX;

    /** Name of the input tensor: one-hot operand digits, {@code [steps, batch, 2r]}, float32. */
    public static final String INPUT_NAME = "operand_digits";

    /** Name of the output tensor: sum-digit probabilities, {@code [steps, batch, r]}, float32. */
    public static final String OUTPUT_NAME = "sum_digit_probability";

    private DigitSerialContract() {}

    /** Whether {@code radix} has a digit-serial contract. */
    public static boolean isDefined(int radix) {
        return radix >= MIN_RADIX && radix <= MAX_RADIX;
    }

    /** Returns {@code radix} if it has a digit-serial contract; throws naming the range otherwise. */
    public static int requireRadix(int radix) {
        if (!isDefined(radix)) {
            throw new IllegalArgumentException("a digit-serial adder's radix must be " + MIN_RADIX + ".." + MAX_RADIX
                    + " (radix 2 is the bit-serial contract), got " + radix);
        }
        return radix;
    }

    /** Features per step of the input tensor: a one-hot digit of each operand, {@code 2r}. */
    public static int inputFeatures(int radix) {
        return 2 * requireRadix(radix);
    }

    /** Features per step of the output tensor: a probability per sum digit, {@code r}. */
    public static int outputFeatures(int radix) {
        return requireRadix(radix);
    }
}
