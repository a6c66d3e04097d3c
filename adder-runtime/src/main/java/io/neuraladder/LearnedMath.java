package io.neuraladder;

import io.neuraladder.api.ModelInfo;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link Math}'s exact integer arithmetic with every digit of every result computed by certified
 * networks: an adder (which also sums multiplication's partial products), a subtractor (which also
 * divides), and a decimal subtractor for digit strings. {@link NeuralMath}'s
 * static methods use one on the default models; {@link NeuralMath#builder()} makes one on chosen
 * files, to be closed when done.
 *
 * <p>The Java between network calls only wires: it chooses which operand goes first, reads sign
 * bits and the final borrow, and throws where {@link Math} throws. Each result is exact because
 * the network call it comes from is (docs/certification.md gives the argument for each method).
 * Thread-safe.
 */
public final class LearnedMath implements AutoCloseable {

    /** The longest factor {@link #multiply(BigInteger, BigInteger)} takes, in bits. */
    public static final int MAX_FACTOR_BITS = 1 << 14;

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

    /**
     * {@code a · b}, like {@link Math#multiplyExact(int, int)}: Booth's partial products of the
     * operands, summed by the adder in one tree.
     *
     * @throws ArithmeticException {@code "integer overflow"} if the product does not fit
     */
    public int multiplyExact(int a, int b) {
        long[] terms = Products.fewestTerms(a, b);
        long product = adder.get().engine().call(engine -> engine.sums(terms, Products.levels(terms))[0]);
        if (product != (int) product) {
            throw new ArithmeticException("integer overflow");
        }
        return (int) product;
    }

    /**
     * {@code a · b}, like {@link Math#multiplyExact(long, long)}: the exact product's partial
     * products summed by the adder, level by level.
     *
     * @throws ArithmeticException {@code "long overflow"} if the product does not fit
     */
    public long multiplyExact(long a, long b) {
        BigInteger product = products(List.of(Products.terms(BigInteger.valueOf(a), BigInteger.valueOf(b))))[0];
        if (product.bitLength() >= Long.SIZE) {
            throw new ArithmeticException("long overflow");
        }
        return product.longValue();
    }

    /**
     * {@code a[i] · b[i]} for every index, like {@link Math#multiplyExact(int, int)} per element:
     * every element's partial products summed by the adder in the same trees, in bounded chunks.
     *
     * @throws ArithmeticException naming the first index whose product overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] multiplyExact(int[] a, int[] b) {
        ReloadableAdder.requireSameLength(a.length, b.length);
        long[][] terms = new long[a.length][];
        int narrow = 0;
        for (int i = 0; i < a.length; i++) {
            terms[i] = Products.intTerms(a[i], b[i]);
            narrow += terms[i].length == Products.INT_DIGITS ? 1 : 0;
        }
        long[] products = new long[a.length];
        sumTrees(terms, Products.INT_DIGITS, Products.INT_LEVELS, narrow, products);
        sumTrees(terms, 2 * Products.INT_DIGITS, Products.WIDE_INT_LEVELS, a.length - narrow, products);
        int[] results = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (products[i] != (int) products[i]) {
                throw new ArithmeticException("integer overflow at index " + i + ": " + a[i] + " * " + b[i]);
            }
            results[i] = (int) products[i];
        }
        return results;
    }

    /**
     * {@code a[i] · b[i]} for every index, like {@link Math#multiplyExact(long, long)} per element.
     *
     * @throws ArithmeticException naming the first index whose product overflows
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public long[] multiplyExact(long[] a, long[] b) {
        ReloadableAdder.requireSameLength(a.length, b.length);
        List<List<BigInteger>> terms = new ArrayList<>(a.length);
        for (int i = 0; i < a.length; i++) {
            terms.add(Products.terms(BigInteger.valueOf(a[i]), BigInteger.valueOf(b[i])));
        }
        BigInteger[] products = products(terms);
        long[] results = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            if (products[i].bitLength() >= Long.SIZE) {
                throw new ArithmeticException("long overflow at index " + i + ": " + a[i] + " * " + b[i]);
            }
            results[i] = products[i].longValue();
        }
        return results;
    }

    /**
     * {@code a · b} for integers of any signs up to {@value #MAX_FACTOR_BITS} bits each, like
     * {@link BigInteger#multiply}.
     *
     * @throws IllegalArgumentException if an operand is longer
     */
    public BigInteger multiply(BigInteger a, BigInteger b) {
        ReloadableAdder.requireBitsAtMost(a, b, MAX_FACTOR_BITS, "multiplied, so that the adder's runs stay within "
                + "bounded memory and time");
        return products(List.of(Products.terms(a, b)))[0];
    }

    /**
     * {@code a} divided by {@code b}, rounded toward negative infinity, like
     * {@link Math#floorDiv(int, int)} (and like it, {@code floorDiv(Integer.MIN_VALUE, -1)} is
     * {@code Integer.MIN_VALUE}): restoring division by the subtractor.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public int floorDiv(int a, int b) {
        return (int) floor(new long[] {a}, new long[] {b}, Integer.SIZE)[0][0].longValue();
    }

    /**
     * Like {@link Math#floorDiv(long, long)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public long floorDiv(long a, long b) {
        return floor(new long[] {a}, new long[] {b}, Long.SIZE)[0][0].longValue();
    }

    /**
     * {@code a} modulo {@code b} with the sign of {@code b}, like {@link Math#floorMod(int, int)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public int floorMod(int a, int b) {
        return floor(new long[] {a}, new long[] {b}, Integer.SIZE)[0][1].intValue();
    }

    /**
     * Like {@link Math#floorMod(long, long)}.
     *
     * @throws ArithmeticException {@code "/ by zero"} if {@code b} is 0
     */
    public long floorMod(long a, long b) {
        return floor(new long[] {a}, new long[] {b}, Long.SIZE)[0][1].longValue();
    }

    /**
     * {@code Math.floorDiv(a[i], b[i])} for every index, every element one bit further per
     * subtractor call.
     *
     * @throws ArithmeticException {@code "/ by zero"} naming the first index whose divisor is 0
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public int[] floorDiv(int[] a, int[] b) {
        ReloadableAdder.requireSameLength(a.length, b.length);
        long[] x = new long[a.length];
        long[] y = new long[b.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i];
            y[i] = b[i];
        }
        BigInteger[][] floors = floor(x, y, Integer.SIZE);
        int[] quotients = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            quotients[i] = (int) floors[i][0].longValue();
        }
        return quotients;
    }

    private BigInteger[][] floor(long[] a, long[] b, int bits) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                throw new ArithmeticException(b.length == 1 ? "/ by zero" : "/ by zero at index " + i);
            }
        }
        return subtractor.get().engine().call(engine -> Quotients.floor(engine, a, b, bits));
    }

    private BigInteger[] products(List<List<BigInteger>> terms) {
        return adder.get().engine().call(engine -> Products.sums(engine, terms));
    }

    /** Sums the {@code count} items of {@code terms} whose partial products number {@code size}, into {@code products}. */
    private void sumTrees(long[][] terms, int size, int levels, int count, long[] products) {
        if (count == 0) {
            return;
        }
        long[] flat = new long[count * size];
        int[] index = new int[count];
        int next = 0;
        for (int i = 0; i < terms.length; i++) {
            if (terms[i].length == size) {
                System.arraycopy(terms[i], 0, flat, next * size, size);
                index[next++] = i;
            }
        }
        long[] sums = adder.get().engine().call(engine -> engine.sums(flat, levels));
        for (int k = 0; k < count; k++) {
            products[index[k]] = sums[k];
        }
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
