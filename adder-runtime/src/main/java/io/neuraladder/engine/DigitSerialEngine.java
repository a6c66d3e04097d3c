package io.neuraladder.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.load.ModelLoad;
import io.neuraladder.load.ModelSource;
import io.neuraladder.load.SelfTest;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The int, long and BigInteger API over a digit-serial model (of any {@link io.neuraladder.contract.Operator})
 * whose radix is {@code 2^k} ({@link DigitSerialContract}):
 * an int's two's-complement bits are read {@code k} at a time, least significant digit first, so a
 * radix-16 model adds an int in 8 steps and a long in 16. Wrapped sums need no extra step: the
 * model's digits are those of {@code a + b} modulo {@code r^steps}, whose low 32 (64) bits are the
 * wrapped sum. A {@link BigInteger} is sign-extended to the digits its sum needs.
 *
 * <p>Single int adds reuse pooled tensors whose output ONNX Runtime writes in place; batches run in
 * chunks of at most {@value #PAIRS_PER_RUN} pairs through one input buffer per call. Calls and
 * {@link #close()} go through a {@link SessionLifecycle}, so no session closes while a call is
 * inside {@code run}. Unless that was skipped, the model passes the binary adder's carry-chain
 * self-test twice: in one batch and one single add at a time (the pinned-output path).
 */
public final class DigitSerialEngine implements OperatorEngine {

    /** Pairs per ONNX Runtime run in a batch: bounds the run's buffers (a few MB for radix 16). */
    static final int PAIRS_PER_RUN = 4_096;

    private static final Logger log = LoggerFactory.getLogger(DigitSerialEngine.class);

    private final OrtSession session;
    private final ModelInfo model;
    private final int radix;
    private final int bitsPerDigit;
    private final int intSteps;
    private final SessionLifecycle lifecycle;
    private final Queue<IntCall> idleSingles = new ConcurrentLinkedQueue<>();

    /** Serves {@code load}, a digit-serial adder's model in a radix that is a power of two. */
    public DigitSerialEngine(ModelLoad load) {
        ModelSource source = load.source();
        this.radix = load.radix();
        this.bitsPerDigit = Integer.numberOfTrailingZeros(radix);
        this.intSteps = steps(Integer.SIZE);
        this.lifecycle = new SessionLifecycle(source.name(), () -> new ClosedException("the engine for model "
                + source.name() + " is closed; open a new one"));
        this.model = load.info();
        this.session = Sessions.create(load.source(), load.options().provider(), load.options().intraOpThreads());
        if (load.options().selfTest()) {
            try {
                int[] results = new int[SelfTest.CASES.size()];
                wrapped(SelfTest.CASES.a(), SelfTest.CASES.b(), results);
                SelfTest.verifyResults(source.name(), load.operator(), results);
                for (int i = 0; i < results.length; i++) {
                    results[i] = wrapped(SelfTest.CASES.a()[i], SelfTest.CASES.b()[i]);
                }
                SelfTest.verifyResults(source.name() + " (single calls)", load.operator(), results);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        log.info("loaded model {} (radix {}: {} bits per step; sha256 {}, {}; certificate {})", source.name(), radix,
                bitsPerDigit, source.sha256(), model.metadata(),
                model.certificateCheck().map(Object::toString).orElse("not checked"));
    }

    @Override
    public ModelInfo model() {
        return model;
    }

    @Override
    public int wrapped(int a, int b) {
        return lifecycle.run("compute one pair", () -> {
            IntCall call = idleSingles.poll();
            if (call == null) {
                call = new IntCall();
            }
            try {
                return call.wrapped(a, b);
            } finally {
                idleSingles.offer(call);
            }
        });
    }

    @Override
    public long wrapped(long a, long b) {
        long[] results = new long[1];
        wrapped(new long[] {a}, new long[] {b}, results);
        return results[0];
    }

    @Override
    public BigInteger exact(BigInteger a, BigInteger b) {
        int steps = steps(Math.max(a.bitLength(), b.bitLength()) + 2);
        FloatBuffer input = directFloats(steps * 2 * radix);
        for (int t = 0; t < steps; t++) {
            input.put(t * 2 * radix + digit(a, t), 1f);
            input.put(t * 2 * radix + radix + digit(b, t), 1f);
        }
        int[] digits = run("compute two " + steps * bitsPerDigit + "-bit operands", input, steps, 1);
        return twosComplement(digits, steps * bitsPerDigit);
    }

    /** The {@code width}-bit two's-complement number whose digits, least significant first, are {@code digits}. */
    private BigInteger twosComplement(int[] digits, int width) {
        byte[] bytes = new byte[width / Byte.SIZE + 1];
        for (int bit = 0; bit < bytes.length * Byte.SIZE; bit++) {
            int source = Math.min(bit, width - 1);
            if ((digits[source / bitsPerDigit] >>> (source % bitsPerDigit) & 1) != 0) {
                bytes[bytes.length - 1 - bit / Byte.SIZE] |= (byte) (1 << (bit % Byte.SIZE));
            }
        }
        return new BigInteger(bytes);
    }

    @Override
    public void wrapped(int[] a, int[] b, int[] sums) {
        batch("compute " + a.length + " int pairs", a.length, intSteps, i -> a[i] & 0xFFFF_FFFFL, i -> b[i] & 0xFFFF_FFFFL,
                (i, sum) -> sums[i] = (int) sum);
    }

    @Override
    public void wrapped(long[] a, long[] b, long[] sums) {
        batch("compute " + a.length + " long pairs", a.length, steps(Long.SIZE), i -> a[i], i -> b[i],
                (i, sum) -> sums[i] = sum);
    }

    /** Where a batch writes the low 64 bits of sum {@code i}. */
    private interface Sums {
        void put(int i, long sum);
    }

    /**
     * Adds pairs {@code 0 … length-1} over {@code steps} digits in chunks of at most
     * {@link #PAIRS_PER_RUN}, reusing one input buffer: each chunk's one-hot entries are cleared
     * after its run.
     */
    private void batch(String what, int length, int steps, IntToLongFunction a, IntToLongFunction b, Sums sums) {
        int capacity = Math.min(length, PAIRS_PER_RUN);
        FloatBuffer input = directFloats(steps * capacity * 2 * radix);
        for (int from = 0; from < length; from += PAIRS_PER_RUN) {
            int count = Math.min(PAIRS_PER_RUN, length - from);
            for (int n = 0; n < count; n++) {
                encode(a.applyAsLong(from + n), b.applyAsLong(from + n), steps, count, n, input, 1f);
            }
            int[] digits = run(what, input.duplicate().limit(steps * count * 2 * radix).slice(), steps, count);
            for (int n = 0; n < count; n++) {
                encode(a.applyAsLong(from + n), b.applyAsLong(from + n), steps, count, n, input, 0f);
                sums.put(from + n, decode(digits, steps, count, n));
            }
        }
    }

    /** Closes the session once every call in flight has finished. Idempotent. */
    @Override
    public void close() {
        lifecycle.close(() -> {
            for (IntCall call; (call = idleSingles.poll()) != null; ) {
                call.close();
            }
            Sessions.close(session);
            log.debug("closed model {}", model.source());
        });
    }

    /** Digits of {@code bits} bits. */
    private int steps(int bits) {
        return (bits + bitsPerDigit - 1) / bitsPerDigit;
    }

    /** Sets pair {@code n} of {@code count}'s {@code steps} one-hot digit pairs in {@code input} to {@code value}. */
    private void encode(long a, long b, int steps, int count, int n, FloatBuffer input, float value) {
        long mask = radix - 1;
        for (int t = 0; t < steps; t++) {
            int row = (t * count + n) * 2 * radix;
            int shift = t * bitsPerDigit;
            input.put(row + (int) (shift < Long.SIZE ? (a >>> shift) & mask : 0), value);
            input.put(row + radix + (int) (shift < Long.SIZE ? (b >>> shift) & mask : 0), value);
        }
    }

    /** The low 64 bits of pair {@code n}'s sum digits. */
    private long decode(int[] digits, int steps, int count, int n) {
        long sum = 0;
        for (int t = 0; t < steps; t++) {
            int shift = t * bitsPerDigit;
            if (shift < Long.SIZE) {
                sum |= (long) digits[t * count + n] << shift;
            }
        }
        return sum;
    }

    /** Digit {@code t} of {@code value}'s infinite two's-complement expansion. */
    private int digit(BigInteger value, int t) {
        int digit = 0;
        for (int bit = bitsPerDigit - 1; bit >= 0; bit--) {
            digit = digit << 1 | (value.testBit(t * bitsPerDigit + bit) ? 1 : 0);
        }
        return digit;
    }

    /** Runs {@code [steps, count, 2r]} one-hot digits; returns the arg-max digit at {@code [t * count + n]}. */
    private int[] run(String what, FloatBuffer input, int steps, int count) {
        return lifecycle.run(what, () -> {
            try (OnnxTensor tensor = OnnxTensor.createTensor(Sessions.environment(), input,
                    new long[] {steps, count, 2L * radix});
                    OrtSession.Result result = session.run(Map.of(DigitSerialContract.INPUT_NAME, tensor))) {
                return argMax(((OnnxTensor) result.get(0)).getFloatBuffer(), steps * count);
            }
        });
    }

    private int[] argMax(FloatBuffer probabilities, int rows) {
        int[] digits = new int[rows];
        for (int row = 0; row < rows; row++) {
            int at = row * radix;
            int best = 0;
            for (int d = 1; d < radix; d++) {
                best = probabilities.get(at + d) > probabilities.get(at + best) ? d : best;
            }
            float p = probabilities.get(at + best);
            if (!(p >= 0 && p <= 1.0001f)) {
                throw new IllegalStateException("model " + model.source() + " computed a digit probability of " + p
                        + "; its weights are probably corrupted");
            }
            digits[row] = best;
        }
        return digits;
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * The reusable tensors of one single int add: the one-hot input over a direct buffer and a
     * pinned probability output that ONNX Runtime writes into. Used by one thread at a time.
     */
    private final class IntCall implements AutoCloseable {

        private final FloatBuffer input = directFloats(intSteps * 2 * radix);
        private final FloatBuffer output = directFloats(intSteps * radix);
        private final OnnxTensor inputTensor;
        private final OnnxTensor outputTensor;
        private final Map<String, OnnxTensor> inputs;
        private final Map<String, OnnxTensor> outputs;
        private final int[] setFeatures = new int[2 * intSteps];

        IntCall() throws OrtException {
            inputTensor = OnnxTensor.createTensor(Sessions.environment(), input, new long[] {intSteps, 1, 2L * radix});
            try {
                outputTensor = OnnxTensor.createTensor(Sessions.environment(), output, new long[] {intSteps, 1, radix});
            } catch (OrtException | RuntimeException e) {
                inputTensor.close();
                throw e;
            }
            inputs = Map.of(DigitSerialContract.INPUT_NAME, inputTensor);
            outputs = Map.of(DigitSerialContract.OUTPUT_NAME, outputTensor);
        }

        int wrapped(int a, int b) throws OrtException {
            for (int feature : setFeatures) {
                input.put(feature, 0f);
            }
            int mask = radix - 1;
            for (int t = 0; t < intSteps; t++) {
                int row = t * 2 * radix;
                int shift = t * bitsPerDigit;
                setFeatures[2 * t] = row + ((a >>> shift) & mask);
                setFeatures[2 * t + 1] = row + radix + ((b >>> shift) & mask);
                input.put(setFeatures[2 * t], 1f);
                input.put(setFeatures[2 * t + 1], 1f);
            }
            try (OrtSession.Result ignored = session.run(inputs, outputs)) {
                int[] digits = argMax(output, intSteps);
                int sum = 0;
                for (int t = 0; t < intSteps; t++) {
                    sum |= digits[t] << (t * bitsPerDigit);
                }
                return sum;
            }
        }

        @Override
        public void close() {
            inputTensor.close();
            outputTensor.close();
        }
    }
}
