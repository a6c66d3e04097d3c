package io.neuraladder.contract;

/**
 * The model contract: what every neural-adder model file provides and every runtime relies on.
 *
 * <p>A model adds two binary numbers one bit per step, least significant bit first, carrying the
 * carry in its recurrent state. Its single input {@value #INPUT_NAME} is a float32 tensor of shape
 * {@code [steps, batch, 2]} (time-major, ONNX's default recurrent layout); at step {@code t},
 * feature 0 is bit {@code t} of the first operand and feature 1 bit {@code t} of the second, each
 * {@code 0.0f} or {@code 1.0f}, in two's complement. Its output {@value #OUTPUT_NAME} is a float32
 * tensor of shape {@code [steps, batch, 1]}: the probability that bit {@code t} of the sum is 1. A
 * bit is 1 when its probability is greater than {@value #THRESHOLD}. Both the step and batch
 * dimensions are symbolic, so one model adds numbers of any width in batches of any size.
 *
 * <p>The model file also carries metadata ({@link MetadataKey}); a runtime refuses a model whose
 * {@link MetadataKey#CONTRACT_VERSION} is not {@value #VERSION}. {@link BitCodec} implements the
 * encoding on both sides.
 */
public final class ModelContract {

    /** The contract version written into, and required of, every model file. */
    public static final String VERSION = "1";

    /** Name of the input tensor: operand bits, {@code [steps, batch, 2]}, float32. */
    public static final String INPUT_NAME = "operand_bits";

    /** Name of the output tensor: sum-bit probabilities, {@code [steps, batch, 1]}, float32. */
    public static final String OUTPUT_NAME = "sum_bit_probability";

    /** Symbolic name of the first (time) dimension of both tensors. */
    public static final String STEPS_DIMENSION = "steps";

    /** Symbolic name of the second (batch) dimension of both tensors. */
    public static final String BATCH_DIMENSION = "batch";

    /** Rank of the input and output tensors: {@code [steps, batch, features]}. */
    public static final int TENSOR_RANK = 3;

    /** Features per step of the input tensor: one bit of each operand. */
    public static final int INPUT_FEATURES = 2;

    /** Features per step of the output tensor: the probability of one sum bit. */
    public static final int OUTPUT_FEATURES = 1;

    /** A sum bit is 1 when its probability is strictly greater than this. */
    public static final float THRESHOLD = 0.5f;

    /** Steps needed to add two ints: one per bit. The wrapped sum needs no extra step. */
    public static final int INT_STEPS = Integer.SIZE;

    /** The value of {@link MetadataKey#OPERATOR} for a binary adder. */
    public static final String OPERATOR_ADD = "add";

    private ModelContract() {}
}
