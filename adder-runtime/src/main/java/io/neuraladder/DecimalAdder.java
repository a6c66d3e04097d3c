package io.neuraladder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.contract.DecimalContract;
import io.neuraladder.contract.DigitCodec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds non-negative decimal integers of any length with a learned decimal adder
 * ({@link DecimalContract}): one digit pair per step, least significant first, one more step for
 * the final carry. {@code add("535", "61")} returns {@code "596"}.
 *
 * <p>Operands are strings of the digits 0–9 (leading zeros allowed; no sign, spaces or separators),
 * at most {@value #MAX_DIGITS} digits each; anything else is refused with an exception naming the
 * operand, the offending character and its index. Sums have no leading zeros. The model file is
 * checked like a binary adder's ({@link StructureCheck}, optional SHA-256 pin), then self-tested on
 * every digit pair and long carry chains. Thread-safe; {@link #close()} waits for calls in flight.
 */
public final class DecimalAdder implements AutoCloseable {

    /** The longest operand accepted, in digits: its input tensor takes 8 MB. */
    public static final int MAX_DIGITS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(DecimalAdder.class);

    private final OrtSession session;
    private final ModelInfo model;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    DecimalAdder(ModelSource source, ExecutionProvider provider, int intraOpThreads, boolean selfTest,
            boolean allowUncertified) {
        StructureCheck.CheckedModel checked = StructureCheck.verify(source);
        if (checked.radix() != DecimalContract.RADIX) {
            throw new ModelContractException("model " + source.name() + " is a binary adder, not a decimal one "
                    + "(expected metadata neuraladder.radix = 10); open it with NeuralAdder.open instead");
        }
        this.model = new ModelInfo(source.name(), checked.metadata(),
                CertificateGate.verify(source, checked, allowUncertified));
        this.session = Sessions.create(source, provider, intraOpThreads);
        if (selfTest) {
            try {
                DecimalSelfTest.verify(source.name(), this::addUnchecked);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        log.info("loaded decimal model {} (sha256 {}, {}; certificate {})", source.name(), source.sha256(),
                model.metadata(), model.certificateCheck().map(Object::toString).orElse("not checked"));
    }

    /**
     * The sum of two non-negative decimal integers, without leading zeros.
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the digits 0-9
     * @throws IllegalArgumentException if an operand has more than {@value #MAX_DIGITS} digits
     * @throws NullPointerException if an operand is null
     * @throws IllegalStateException if this adder is closed
     */
    public String add(String a, String b) {
        return addUnchecked(new String[] {DecimalOperands.require("a", a)},
                new String[] {DecimalOperands.require("b", b)})[0];
    }

    /**
     * The sum of two non-negative integers, computed digit by digit in decimal.
     *
     * @throws IllegalArgumentException if an operand is negative or has more than {@value #MAX_DIGITS} digits
     */
    public BigInteger add(BigInteger a, BigInteger b) {
        return new BigInteger(addUnchecked(new String[] {DecimalOperands.require("a", a)},
                new String[] {DecimalOperands.require("b", b)})[0]);
    }

    /** Where the model came from and what its file says about itself. */
    public ModelInfo model() {
        return model;
    }

    /** Adds pairs of operands already checked, all in one run. */
    private String[] addUnchecked(String[] a, String[] b) {
        int steps = 0;
        for (int n = 0; n < a.length; n++) {
            steps = Math.max(steps, DigitCodec.steps(a[n], b[n]));
        }
        FloatBuffer input = ByteBuffer.allocateDirect(steps * a.length * DecimalContract.INPUT_FEATURES * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        DigitCodec.encode(a, b, steps, input);
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the decimal adder for model " + model.source()
                        + " is closed; open a new one");
            }
            try (OnnxTensor tensor = OnnxTensor.createTensor(Sessions.environment(), input,
                    new long[] {steps, a.length, DecimalContract.INPUT_FEATURES});
                    OrtSession.Result result = session.run(Map.of(DecimalContract.INPUT_NAME, tensor))) {
                FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
                String[] sums = new String[a.length];
                for (int n = 0; n < a.length; n++) {
                    sums[n] = DigitCodec.decode(output, steps, a.length, n);
                }
                DecimalSelfTest.requireFinite(model.source(), output);
                return sums;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to add " + a.length + " decimal pair(s) of up to "
                    + (steps - 1) + " digits with model " + model.source() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the session once every call in flight has finished. Idempotent. */
    @Override
    public void close() {
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            log.warn("closing the ONNX Runtime session failed", e);
        } finally {
            lock.unlock();
        }
    }
}
