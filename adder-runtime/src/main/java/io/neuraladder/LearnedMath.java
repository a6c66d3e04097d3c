package io.neuraladder;

import io.neuraladder.api.ModelInfo;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link Math}'s exact integer arithmetic with every digit of every result computed by certified
 * networks: an adder, a subtractor, and a decimal subtractor for digit strings. {@link NeuralMath}'s
 * static methods use one on the default models; {@link NeuralMath#builder()} makes one on chosen
 * files, to be closed when done.
 *
 * <p>The Java between network calls only wires: it chooses which operand goes first, reads sign
 * bits and the final borrow, and throws where {@link Math} throws. Each result is exact because
 * the network call it comes from is (docs/certification.md gives the argument for each method).
 * Thread-safe.
 */
public final class LearnedMath implements AutoCloseable {

    private final Supplier<ReloadableAdder> adder;
    private final Supplier<ReloadableSubtractor> subtractor;
    private final Supplier<DigitSerialSubtractor> decimalSubtractor;
    private final boolean owned;

    LearnedMath(Supplier<ReloadableAdder> adder, Supplier<ReloadableSubtractor> subtractor,
            Supplier<DigitSerialSubtractor> decimalSubtractor, boolean owned) {
        this.adder = adder;
        this.subtractor = subtractor;
        this.decimalSubtractor = decimalSubtractor;
        this.owned = owned;
    }

    /**
     * {@code a + b}, like {@link Math#addExact(int, int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the sum does not fit
     */
    public int addExact(int a, int b) {
        return adder.get().add(a, b);
    }

    /**
     * {@code a + b}, like {@link Math#addExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the sum does not fit
     */
    public long addExact(long a, long b) {
        return adder.get().add(a, b);
    }

    /**
     * {@code a - b}, like {@link Math#subtractExact(int, int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the difference does not fit
     */
    public int subtractExact(int a, int b) {
        return subtractor.get().subtractExact(a, b);
    }

    /**
     * {@code a - b}, like {@link Math#subtractExact(long, long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} if the difference does not fit
     */
    public long subtractExact(long a, long b) {
        return subtractor.get().subtractExact(a, b);
    }

    /**
     * {@code -a}, computed as {@code 0 - a}, like {@link Math#negateExact(int)}.
     *
     * @throws ArithmeticException {@code "integer overflow"} for {@link Integer#MIN_VALUE}
     */
    public int negateExact(int a) {
        return subtractor.get().negateExact(a);
    }

    /**
     * {@code -a}, computed as {@code 0 - a}, like {@link Math#negateExact(long)}.
     *
     * @throws ArithmeticException {@code "long overflow"} for {@link Long#MIN_VALUE}
     */
    public long negateExact(long a) {
        return subtractor.get().negateExact(a);
    }

    /**
     * {@code |a|}, like {@link Math#absExact(int)}.
     *
     * @throws ArithmeticException with {@link Math#absExact(int)}'s message for {@link Integer#MIN_VALUE}
     */
    public int absExact(int a) {
        return subtractor.get().absExact(a);
    }

    /**
     * {@code |a|}, like {@link Math#absExact(long)}.
     *
     * @throws ArithmeticException with {@link Math#absExact(long)}'s message for {@link Long#MIN_VALUE}
     */
    public long absExact(long a) {
        return subtractor.get().absExact(a);
    }

    /** {@link Integer#compare(int, int)}: -1, 0 or 1, decided from the learned difference {@code a - b}. */
    public int compare(int a, int b) {
        return subtractor.get().compare(a, b);
    }

    /** {@link Long#compare(long, long)}: -1, 0 or 1, decided from the learned difference {@code a - b}. */
    public int compare(long a, long b) {
        return subtractor.get().compare(a, b);
    }

    /**
     * {@code a - b} for integers of any signs and sizes, like {@link BigInteger#subtract}.
     *
     * @throws IllegalArgumentException if an operand is longer than {@link io.neuraladder.api.Adder#MAX_BIG_INTEGER_BITS} bits
     */
    public BigInteger subtract(BigInteger a, BigInteger b) {
        return subtractor.get().subtract(a, b);
    }

    /**
     * {@code a - b} for non-negative decimal integers of any length (up to
     * {@value DigitSerialAdder#MAX_DIGITS} digits), as a decimal string with a leading {@code -}
     * when it is negative and no leading zeros: {@code subtractDecimal("61", "535")} is
     * {@code "-474"} (see {@link DigitSerialSubtractor#subtract}).
     *
     * @throws NumberFormatException if an operand is empty or holds anything but the digits 0-9,
     *     naming the operand, the character and its index
     * @throws IllegalArgumentException if an operand has more than {@value DigitSerialAdder#MAX_DIGITS} digits
     * @throws NullPointerException if an operand is null
     */
    public String subtractDecimal(String a, String b) {
        return decimalSubtractor.get().subtract(a, b);
    }

    /**
     * {@code a[i] - b[i]} for every index, like {@link Math#subtractExact(int, int)} per element, in
     * bounded chunks.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] subtractExact(int[] a, int[] b) {
        return subtractor.get().subtractExact(a, b);
    }

    /**
     * {@code a[i] - b[i]} for every index, like {@link Math#subtractExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose difference overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] subtractExact(long[] a, long[] b) {
        return subtractor.get().subtractExact(a, b);
    }

    /** What the adder is: its source, metadata and certificate check. */
    public ModelInfo adderModel() {
        return adder.get().model();
    }

    /** What the subtractor is. */
    public ModelInfo subtractorModel() {
        return subtractor.get().model();
    }

    /** What the decimal subtractor is. */
    public ModelInfo decimalSubtractorModel() {
        return decimalSubtractor.get().model();
    }

    /**
     * Replaces the adder with the file {@code model}, checked as an adder. Calls in flight finish on
     * the old model.
     *
     * @throws ModelLoadException if the file is refused; the old adder keeps serving
     */
    public void reloadAdder(Path model) {
        adder.get().reload(model);
    }

    /**
     * Replaces the subtractor with the file {@code model}, checked as a subtractor. Calls in flight
     * finish on the old model.
     *
     * @throws ModelLoadException if the file is refused (an adder, say); the old subtractor keeps serving
     */
    public void reloadSubtractor(Path model) {
        subtractor.get().reload(model);
    }

    /**
     * Closes the networks once their calls in flight have finished; not allowed on the default
     * models behind {@link NeuralMath}'s static methods.
     *
     * @throws UnsupportedOperationException for the defaults
     */
    @Override
    public void close() {
        if (!owned) {
            throw new UnsupportedOperationException("the default models of NeuralMath's static methods stay open");
        }
        adder.get().close();
        subtractor.get().close();
        decimalSubtractor.get().close();
    }

    /**
     * Options for a {@link LearnedMath} on chosen model files (the bundled ones unless set): the
     * execution provider and threads of every network, and the explicit opt-outs. Each setter
     * returns this builder; {@link #build()} loads and checks every network, each as the operator
     * it is for.
     */
    public static final class Builder {

        private final ModelBuilder options = new ModelBuilder();
        private Path adder;
        private Path subtractor;
        private Path decimalSubtractor;

        Builder() {}

        /** Uses the adder in this file instead of the bundled {@value NeuralAdder#BUNDLED_MODEL}. */
        public Builder adder(Path model) {
            this.adder = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Uses the subtractor in this file instead of the bundled {@value NeuralMath#BUNDLED_SUBTRACTOR}. */
        public Builder subtractor(Path model) {
            this.subtractor = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Uses the decimal subtractor in this file instead of the bundled {@value NeuralMath#BUNDLED_DECIMAL_SUBTRACTOR}. */
        public Builder decimalSubtractor(Path model) {
            this.decimalSubtractor = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Runs every network on this provider; {@link ExecutionProvider#CPU} by default. */
        public Builder provider(ExecutionProvider provider) {
            options.provider(provider);
            return this;
        }

        /**
         * Threads ONNX Runtime may use inside one call; 1 by default.
         *
         * @throws IllegalArgumentException if {@code threads} is less than 1
         */
        public Builder intraOpThreads(int threads) {
            options.intraOpThreads(threads);
            return this;
        }

        /**
         * Threads ONNX Runtime may use inside one array call; {@link #intraOpThreads} unless set.
         *
         * @throws IllegalArgumentException if {@code threads} is less than 1
         */
        public Builder batchThreads(int threads) {
            options.batchThreads(threads);
            return this;
        }

        /**
         * Serves networks whose certificates are missing or do not check, on their self-tests alone;
         * see {@link ModelBuilder#allowUncertified()}.
         */
        public Builder allowUncertified() {
            options.allowUncertified();
            return this;
        }

        /**
         * Loads the three networks, each checked as the operator it is for.
         *
         * @throws ModelLoadException if a file is refused (an adder given as the subtractor, say);
         *     whatever was loaded before it is closed
         */
        public LearnedMath build() {
            ReloadableAdder sum = null;
            ReloadableSubtractor difference = null;
            try {
                sum = options(adder).build();
                difference = options(subtractor).buildSubtractor();
                DigitSerialSubtractor digits = options(decimalSubtractor).buildDecimalSubtractor();
                ReloadableAdder adderModel = sum;
                ReloadableSubtractor subtractorModel = difference;
                return new LearnedMath(() -> adderModel, () -> subtractorModel, () -> digits, true);
            } catch (RuntimeException e) {
                if (difference != null) {
                    difference.close();
                }
                if (sum != null) {
                    sum.close();
                }
                throw e;
            }
        }

        /** These options for the file {@code model}, or for the bundled model when it is null. */
        private ModelBuilder options(Path model) {
            return model == null ? options.bundledModel() : options.model(model);
        }
    }
}
