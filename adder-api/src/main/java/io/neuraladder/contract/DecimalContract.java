package io.neuraladder.contract;

/**
 * The contract of a decimal adder model: it adds two non-negative decimal numbers one digit pair
 * per step, least significant digit first, carrying the carry in its recurrent state.
 *
 * <p>Its input {@value #INPUT_NAME} is a float32 tensor of shape {@code [steps, batch, 20]}: at
 * step {@code t}, features 0–9 one-hot encode digit {@code t} of the first operand and features
 * 10–19 digit {@code t} of the second, both counted from the right; steps beyond an operand's
 * length are digit 0. Its output {@value #OUTPUT_NAME}, {@code [steps, batch, 10]}, is a softmax
 * over digit {@code t} of the sum, whose value is its arg-max. Adding numbers of at most {@code n}
 * digits takes {@code n + 1} steps, the last for the final carry. Both the step and batch
 * dimensions are symbolic.
 *
 * <p>Everything else follows {@link ModelContract}: version, the required metadata, with
 * {@link MetadataKey#RADIX} = {@value #RADIX} telling the two apart. {@link DigitCodec} implements
 * the encoding on both sides.
 */
public final class DecimalContract {

    /** The number base. */
    public static final int RADIX = 10;

    /** Name of the input tensor: one-hot operand digits, {@code [steps, batch, 20]}, float32. */
    public static final String INPUT_NAME = "operand_digits";

    /** Name of the output tensor: sum-digit probabilities, {@code [steps, batch, 10]}, float32. */
    public static final String OUTPUT_NAME = "sum_digit_probability";

    /** Features per step of the input tensor: a one-hot digit of each operand. */
    public static final int INPUT_FEATURES = 2 * RADIX;

    /** Features per step of the output tensor: a probability per sum digit. */
    public static final int OUTPUT_FEATURES = RADIX;

    /** The value of {@link MetadataKey#RADIX} for a decimal adder. */
    public static final String RADIX_VALUE = "10";

    private DecimalContract() {}
}
