package io.neuraladder;

import io.neuraladder.api.ModelInfo;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;

/**
 * One loaded model serving the binary API's wrapped sums: {@link OnnxAdder} for a bit-serial model,
 * {@link DigitSerialEngine} for a digit-serial model whose radix is a power of two (several bits
 * per step). {@link ReloadableAdder} adds overflow checks, argument checks and hot swapping on top.
 * Implementations are thread-safe; a call that finds the engine closed throws
 * {@link ClosedException}, so that a reloading adder can retry on the replacement.
 */
interface AdderEngine extends AutoCloseable {

    /** Loads the model {@code source} with the engine its radix needs. */
    static AdderEngine load(ModelSource source, ModelLoad.Options options) {
        ModelLoad load = ModelLoad.open(source, Operator.ADD, options, radix -> {
            if (radix != 2 && Integer.bitCount(radix) != 1) {
                throw notBinary(source, radix);
            }
        });
        return load.radix() == 2 ? new OnnxAdder(load) : new DigitSerialEngine(load);
    }

    private static ModelContractException notBinary(ModelSource source, int radix) {
        return new ModelContractException("model " + source.name() + " is a " + DigitSerialAdder.describe(radix)
                + " (metadata neuraladder.radix = " + radix + "); ints and longs are added by binary models and by "
                + "digit-serial ones whose radix is a power of two (4, 8, 16, 32). Open it with NeuralAdder."
                + (radix == 10 ? "openDecimal" : "openDigitSerial") + " instead");
    }

    /** Where the model came from and what its file says about itself. */
    ModelInfo model();

    /** The low 32 bits of {@code a + b}. */
    int addWrapping(int a, int b);

    /** The low 64 bits of {@code a + b}. */
    long addWrapping(long a, long b);

    /** {@code a + b}, both operands checked by the caller to be at most {@code Adder.MAX_BIG_INTEGER_BITS} long. */
    BigInteger add(BigInteger a, BigInteger b);

    /** Writes the wrapped sums of arrays of equal length, checked by the caller, into {@code sums}. */
    void addWrapping(int[] a, int[] b, int[] sums);

    /** Writes the wrapped sums of arrays of equal length, checked by the caller, into {@code sums}. */
    void addWrapping(long[] a, long[] b, long[] sums);

    /** Closes the sessions once every call in flight has finished. Idempotent. */
    @Override
    void close();

    /** Thrown by a call that finds its engine closed, so that a reloading adder can retry. */
    final class ClosedException extends IllegalStateException {
        ClosedException(String message) {
            super(message);
        }
    }
}
