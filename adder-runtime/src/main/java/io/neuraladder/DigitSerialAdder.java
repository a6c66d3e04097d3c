package io.neuraladder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.Operator;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds non-negative integers of any length with a learned digit-serial adder in radix {@code r}
 * ({@link DigitSerialContract}): one digit pair per step, least significant first, one more step
 * for the final carry. With the decimal model {@code add("535", "61")} returns {@code "596"}; with
 * a radix-16 model {@code add("ff", "1")} returns {@code "100"}.
 *
 * <p>Operands are strings of the radix's digits ({@code 0-9}, then {@code a-z} in either case;
 * leading zeros allowed; no sign, spaces or separators), at most {@value #MAX_DIGITS} digits each;
 * anything else is refused with an exception naming the operand, the offending character and its
 * index. Sums are written in lower case without leading zeros. The model file is checked like a
 * binary adder's ({@link StructureCheck}, optional SHA-256 pin, certificate), then self-tested on
 * every digit pair and long carry chains. Thread-safe; {@link #close()} waits for calls in flight.
 */
public final class DigitSerialAdder implements AutoCloseable {

    /** The longest operand accepted, in digits. */
    public static final int MAX_DIGITS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(DigitSerialAdder.class);

    private final OrtSession session;
    private final ModelInfo model;
    private final DigitCodec codec;
    private final DigitOperands operands;
    private final SessionLifecycle lifecycle;

    /**
     * Loads {@code source}; {@code expectedRadix} is the radix the caller asked for, or 0 for any
     * digit-serial radix.
     */
    DigitSerialAdder(ModelSource source, int expectedRadix, ModelLoad.Options options) {
        ModelLoad load = ModelLoad.open(source, Operator.ADD, options, radix -> requireRadix(source, expectedRadix, radix));
        int radix = load.radix();
        this.lifecycle = new SessionLifecycle(source.name(), () -> new IllegalStateException("the "
                + describe(radix) + " for model " + source.name() + " is closed; open a new one"));
        this.codec = DigitCodec.of(radix);
        this.operands = new DigitOperands(radix);
        this.model = load.info();
        this.session = load.session();
        if (options.selfTest()) {
            try {
                DigitSelfTest.verify(source.name(), radix, this::addUnchecked);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        log.info("loaded {} {} (sha256 {}, {}; certificate {})", describe(radix), source.name(), source.sha256(),
                model.metadata(), model.certificateCheck().map(Object::toString).orElse("not checked"));
    }

    private static void requireRadix(ModelSource source, int expectedRadix, int radix) {
        if (radix == 2) {
            throw new ModelContractException("model " + source.name() + " is a binary adder, not a "
                    + describe(expectedRadix == 0 ? DigitSerialContract.DECIMAL : expectedRadix) + " (expected metadata "
                    + "neuraladder.radix = " + (expectedRadix == 0 ? "3..36" : expectedRadix) + "); open it with "
                    + "NeuralAdder.open instead");
        }
        if (expectedRadix != 0 && radix != expectedRadix) {
            throw new ModelContractException("model " + source.name() + " is a " + describe(radix)
                    + " (metadata neuraladder.radix = " + radix + "), not a " + describe(expectedRadix)
                    + "; open it with NeuralAdder.openDigitSerial, which adds in the model's own radix");
        }
    }

    /** How a radix's adder is called in messages: "decimal adder", "radix-16 adder". */
    static String describe(int radix) {
        return radix == DigitSerialContract.DECIMAL ? "decimal adder" : "radix-" + radix + " adder";
    }

    /** The number base the model adds in. */
    public int radix() {
        return codec.radix();
    }

    /**
     * The sum of two non-negative integers written in {@link #radix()}, without leading zeros.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the radix's digits
     * @throws IllegalArgumentException if an operand has more than {@value #MAX_DIGITS} digits
     * @throws NullPointerException if an operand is null
     * @throws IllegalStateException if this adder is closed
     */
    public String add(String a, String b) {
        return addUnchecked(new String[] {operands.require("a", a)}, new String[] {operands.require("b", b)})[0];
    }

    /**
     * The sum of two non-negative integers, computed digit by digit in {@link #radix()}.
     *
     * @throws IllegalArgumentException if an operand is negative or has more than {@value #MAX_DIGITS} digits
     */
    public BigInteger add(BigInteger a, BigInteger b) {
        return new BigInteger(addUnchecked(new String[] {operands.require("a", a)},
                new String[] {operands.require("b", b)})[0], codec.radix());
    }

    /** Where the model came from and what its file says about itself. */
    public ModelInfo model() {
        return model;
    }

    /** Adds pairs of operands already checked, all in one run. */
    private String[] addUnchecked(String[] a, String[] b) {
        int longest = 0;
        for (int n = 0; n < a.length; n++) {
            longest = Math.max(longest, DigitCodec.steps(a[n], b[n]));
        }
        int steps = longest;
        FloatBuffer input = ByteBuffer.allocateDirect(steps * a.length * codec.inputFeatures() * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        codec.encode(a, b, steps, input);
        return lifecycle.run("add " + a.length + " pair(s) of up to " + (steps - 1) + " digits", () -> {
            try (OnnxTensor tensor = OnnxTensor.createTensor(Sessions.environment(), input,
                    new long[] {steps, a.length, codec.inputFeatures()});
                    OrtSession.Result result = session.run(Map.of(DigitSerialContract.INPUT_NAME, tensor))) {
                FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
                String[] sums = new String[a.length];
                for (int n = 0; n < a.length; n++) {
                    sums[n] = codec.decode(output, steps, a.length, n);
                }
                DigitSelfTest.requireFinite(model.source(), output);
                return sums;
            }
        });
    }

    /** Closes the session once every call in flight has finished. Idempotent. */
    @Override
    public void close() {
        lifecycle.close(() -> Sessions.close(session));
    }
}
