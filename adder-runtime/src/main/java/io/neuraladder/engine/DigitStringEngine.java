package io.neuraladder.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.common.DigitOperands;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.load.LoadOptions;
import io.neuraladder.load.ModelLoad;
import io.neuraladder.load.ModelSource;
import io.neuraladder.load.SelfTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digit-serial model of an {@link Operator} on non-negative digit strings in its radix: one
 * digit pair per step, least significant first, one more step than the longer operand has digits,
 * whose output digit is the final carry or borrow. It returns the raw output digits; the front
 * ends ({@code DigitSerialAdder}, {@code LearnedMath.subtractDecimal}) read them. Loaded through
 * {@link ModelLoad} and self-tested on the digit cases; thread-safe; {@link #close()} waits for
 * calls in flight.
 */
public final class DigitStringEngine implements DigitEngine {

    private static final Logger log = LoggerFactory.getLogger(DigitStringEngine.class);

    private final OrtSession session;
    private final ModelInfo model;
    private final DigitCodec codec;
    private final SessionLifecycle lifecycle;

    /**
     * Loads {@code source} as a model of {@code operator}; {@code expectedRadix} is the radix the
     * caller asked for, or 0 for any digit-serial radix.
     */
    public DigitStringEngine(ModelSource source, Operator operator, int expectedRadix, LoadOptions options) {
        ModelLoad load = ModelLoad.open(source, operator, options,
                radix -> requireRadix(source, operator, expectedRadix, radix));
        int radix = load.radix();
        this.lifecycle = new SessionLifecycle(source.name(), () -> new IllegalStateException("the "
                + DigitOperands.describe(operator, radix) + " for model " + source.name()
                + " is closed; open a new one"));
        this.codec = DigitCodec.of(radix);
        this.model = load.info();
        this.session = Sessions.create(load.source(), load.options().provider(), load.options().intraOpThreads());
        if (options.selfTest()) {
            try {
                SelfTest.verifyDigits(source.name(), operator, radix, this::digits);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        log.info("loaded {} {} (sha256 {}, {}; certificate {})", DigitOperands.describe(operator, radix), source.name(),
                source.sha256(), model.metadata(), model.certificateCheck().map(Object::toString).orElse("not checked"));
    }

    private static void requireRadix(ModelSource source, Operator operator, int expectedRadix, int radix) {
        if (radix == 2) {
            throw new ModelContractException("model " + source.name() + " is a binary model, not a "
                    + DigitOperands.describe(operator, expectedRadix == 0 ? DigitSerialContract.DECIMAL : expectedRadix)
                    + " (expected metadata neuraladder.radix = " + (expectedRadix == 0 ? "3..36" : expectedRadix)
                    + "); open it with NeuralAdder.open instead");
        }
        if (expectedRadix != 0 && radix != expectedRadix) {
            throw new ModelContractException("model " + source.name() + " is a "
                    + DigitOperands.describe(operator, radix) + " (metadata neuraladder.radix = " + radix + "), not a "
                    + DigitOperands.describe(operator, expectedRadix)
                    + "; open it with NeuralAdder.openDigitSerial, which adds in the model's own radix");
        }
    }

    /** The model's radix. */
    @Override
    public int radix() {
        return codec.radix();
    }

    /** Where the model came from and what its file says about itself. */
    @Override
    public ModelInfo model() {
        return model;
    }

    /**
     * The raw output digits of every pair of operands already checked, in one run: {@code steps}
     * digits each, most significant first, leading zeros kept, where {@code steps} is one more than
     * the longest operand's digits; the first digit is the final carry or borrow's.
     */
    @Override
    public String[] digits(String[] a, String[] b) {
        int steps = 0;
        for (int n = 0; n < a.length; n++) {
            steps = Math.max(steps, DigitCodec.steps(a[n], b[n]));
        }
        int length = steps;
        FloatBuffer input = ByteBuffer.allocateDirect(length * a.length * codec.inputFeatures() * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        codec.encode(a, b, length, input);
        return lifecycle.run("compute pairs of up to " + (length - 1) + " digits", () -> {
            try (OnnxTensor tensor = OnnxTensor.createTensor(Sessions.environment(), input,
                    new long[] {length, a.length, codec.inputFeatures()});
                    OrtSession.Result result = session.run(Map.of(DigitSerialContract.INPUT_NAME, tensor))) {
                FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
                SelfTest.requireFiniteDigits(model.source(), output);
                String[] digits = new String[a.length];
                for (int n = 0; n < a.length; n++) {
                    digits[n] = codec.digits(output, length, a.length, n);
                }
                return digits;
            }
        });
    }

    /** Closes the session once every call in flight has finished. Idempotent. */
    @Override
    public void close() {
        lifecycle.close(() -> Sessions.close(session));
    }
}
