package io.neuraladder.train.certify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.export.OnnxExport;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole binary API ({@link Adder}: int, long, {@link BigInteger}, arrays, exact and wrapping)
 * served by digit-serial models whose radix is a power of two, several bits per step: the hand-built
 * threshold RNNs of {@link HandBuiltDigitAdder} in radix 4, 8 and 16, certified, written as model
 * files and opened with {@link NeuralAdder#open(Path)}, against {@link Math#addExact} and
 * {@link BigInteger#add} on the binary property tests' uniform, edge and carry-heavy pairs.
 */
class DigitSerialBinaryApiTest {

    @TempDir
    Path temp;

    private Path model(int radix) throws IOException {
        CellWeights weights = CellWeights.fromModel(OnnxExport.toModel(HandBuiltDigitAdder.weights(radix),
                Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION, MetadataKey.OPERATOR,
                        ModelContract.OPERATOR_ADD)), "hand-built");
        Certificate certificate = new CarryCertifier(weights).certify();
        assertTrue(certificate.proved(), certificate.summary());
        Map<MetadataKey, String> metadata = new EnumMap<>(MetadataKey.class);
        metadata.put(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        metadata.put(MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD);
        metadata.put(MetadataKey.RADIX, Integer.toString(radix));
        metadata.putAll(certificate.metadata());
        return Files.write(temp.resolve("hand-built-radix" + radix + ".onnx"),
                OnnxExport.toModel(weights, metadata).toByteArray());
    }

    @ParameterizedTest(name = "radix {0}")
    @ValueSource(ints = {4, 8, 16})
    void ints_matchMathAddExact_andJavaPlus(int radix) throws IOException {
        try (Adder adder = NeuralAdder.open(model(radix))) {
            assertTrue(adder.model().certified(), "the certificate is checked at load");
            AddExactProperty.assertHolds("the hand-built radix-" + radix + " RNN", adder::add,
                    AddExactProperty.DEFAULT_SAMPLES);
            IntPairs pairs = OperandSamples.edgePairs().concat(OperandSamples.mixed(new SplittableRandom(radix), 5_000));
            int[] wrapped = adder.addWrapping(pairs.a(), pairs.b());
            for (int i = 0; i < pairs.size(); i++) {
                assertEquals(pairs.a()[i] + pairs.b()[i], adder.addWrapping(pairs.a()[i], pairs.b()[i]));
                assertEquals(pairs.a()[i] + pairs.b()[i], wrapped[i], "batch pair " + i);
            }
            var overflow = assertThrows(ArithmeticException.class,
                    () -> adder.add(new int[] {1, Integer.MAX_VALUE}, new int[] {2, 1}));
            assertTrue(overflow.getMessage().contains("index 1"), overflow.getMessage());
        }
    }

    @ParameterizedTest(name = "radix {0}")
    @ValueSource(ints = {4, 8, 16})
    void longsAndBigIntegers_matchTheJdk(int radix) throws IOException {
        long seed = AddExactProperty.seed();
        SplittableRandom random = new SplittableRandom(seed);
        Random bits = new Random(seed);
        String replay = " (replay with -D" + AddExactProperty.SEED_PROPERTY + "=" + seed + ")";
        try (Adder adder = NeuralAdder.open(model(radix))) {
            long[][] pairs = OperandSamples.mixedLongs(random, 4_000);
            long[] a = pairs[0];
            long[] b = pairs[1];
            for (int i = 0; i < a.length; i++) {
                assertEquals(expected(a[i], b[i]), actual(adder, a[i], b[i]), a[i] + " + " + b[i] + replay);
            }
            long[] sums = adder.addWrapping(a, b);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i] + b[i], sums[i], "batch pair " + i + replay);
            }
            assertEquals(Long.MIN_VALUE, adder.addWrapping(Long.MAX_VALUE, 1L));
            assertThrows(ArithmeticException.class, () -> adder.add(Long.MIN_VALUE, -1L));
            for (int length : new int[] {1, 3, 4, 63, 64, 65, 1_000, 5_000}) {
                BigInteger ones = BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE);
                assertEquals(ones.add(BigInteger.ONE), adder.add(ones, BigInteger.ONE), length + "-bit carry chain");
                assertEquals(BigInteger.ONE.negate(), adder.add(ones.negate(), ones.subtract(BigInteger.ONE)));
                BigInteger x = new BigInteger(length, bits);
                BigInteger y = new BigInteger(1 + random.nextInt(length + 1), bits);
                BigInteger signedX = random.nextBoolean() ? x : x.negate();
                BigInteger signedY = random.nextBoolean() ? y : y.negate();
                assertEquals(signedX.add(signedY), adder.add(signedX, signedY), length + " bits" + replay);
                assertEquals(BigInteger.ZERO, adder.add(x, x.negate()));
            }
        }
    }

    @Test
    void theDefaultCanBeReloadedOntoARadix16Model_andBack() throws IOException {
        Path hex = model(16);
        try (Adder adder = NeuralAdder.open(hex)) {
            Path binary = Files.write(temp.resolve("default.onnx"),
                    Files.readAllBytes(Path.of("..", "models", "adder-lstm.onnx")));
            adder.reload(binary);
            assertEquals("lstm", adder.model().get(MetadataKey.CELL).orElseThrow());
            adder.reload(hex);
            assertEquals("16", adder.model().get(MetadataKey.RADIX).orElseThrow());
            assertArrayEquals(new int[] {Integer.MIN_VALUE, 0}, adder.addWrapping(new int[] {Integer.MAX_VALUE, -1},
                    new int[] {1, 1}));
        }
    }

    @Test
    void aRadix16ModelThatMisreadsADigit_isRefusedByTheSelfTest_evenWhenUncertifiedModelsAreAllowed()
            throws IOException {
        CellWeights misread = HandBuiltDigitAdder.misreading(HandBuiltDigitAdder.weights(16), 7, 6);
        Path file = Files.write(temp.resolve("misread-radix16.onnx"), OnnxExport.toModel(misread,
                Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION, MetadataKey.OPERATOR,
                        ModelContract.OPERATOR_ADD, MetadataKey.RADIX, "16")).toByteArray());
        var refused = assertThrows(io.neuraladder.api.ModelSelfTestException.class,
                () -> NeuralAdder.builder().model(file).allowUncertified().build());
        assertTrue(refused.getMessage().contains("failed the load-time self-test"), refused.getMessage());
        var uncertified = assertThrows(io.neuraladder.api.ModelCertificateException.class, () -> NeuralAdder.open(file));
        assertTrue(uncertified.getMessage().contains("certificate"), uncertified.getMessage());
    }

    @Test
    void aDecimalModel_isRefusedByTheBinaryApi_sayingWhichRadixesAddInts() throws IOException {
        Path decimal = Files.write(temp.resolve("hand-built-decimal.onnx"), OnnxExport.toModel(
                HandBuiltDigitAdder.weights(10), Map.of(MetadataKey.CONTRACT_VERSION, ModelContract.VERSION,
                        MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD, MetadataKey.RADIX, "10")).toByteArray());
        var error = assertThrows(io.neuraladder.api.ModelContractException.class,
                () -> NeuralAdder.builder().model(decimal).allowUncertified().build());
        assertTrue(error.getMessage().contains("is a decimal adder (metadata neuraladder.radix = 10)"),
                error.getMessage());
        assertTrue(error.getMessage().contains("power of two"), error.getMessage());
    }

    private static String expected(long a, long b) {
        try {
            return Long.toString(Math.addExact(a, b));
        } catch (ArithmeticException e) {
            return "overflow";
        }
    }

    private static String actual(Adder adder, long a, long b) {
        try {
            return Long.toString(adder.add(a, b));
        } catch (ArithmeticException e) {
            return "overflow";
        }
    }
}
