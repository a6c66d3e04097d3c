package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.DigitAdder;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.contract.MetadataKey;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped decimal adder, through ONNX Runtime, against {@link BigInteger#add}; refusals of other radixes. */
class DigitSerialAdderTest {

    private static DigitAdder adder;

    @BeforeAll
    static void open() {
        adder = NeuralAdder.openDecimal(ShippedModels.DECIMAL);
    }

    @AfterAll
    static void close() {
        adder.close();
    }

    @Test
    void addsTheDocumentsExample() {
        assertEquals("596", adder.add("535", "61"));
        assertEquals("596", NeuralAdder.addDecimal("535", "61"), "the bundled default");
        assertEquals(BigInteger.valueOf(596), NeuralAdder.addDecimal(BigInteger.valueOf(535), BigInteger.valueOf(61)));
    }

    @Test
    void randomAndCarryHeavySums_ofUpTo10000Digits_matchBigInteger() {
        long seed = Long.getLong("neuraladder.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        int[] lengths = {1, 2, 5, 21, 100, 1_000, 10_000};
        for (int length : lengths) {
            for (int k = 0; k < 20; k++) {
                String a = digits(random, 1 + random.nextInt(length));
                String b = k % 2 == 0 ? digits(random, 1 + random.nextInt(length)) : carryPartner(random, a);
                String expected = new BigInteger(a).add(new BigInteger(b)).toString();
                assertEquals(expected, adder.add(a, b), "seed " + seed + " (replay with -Dneuraladder.seed=" + seed
                        + "): " + preview(a) + " + " + preview(b));
            }
        }
    }

    @Test
    void longestCarryChains_matchBigInteger() {
        for (int length : new int[] {1, 9, 10, 99, 1_000, 10_000}) {
            String nines = "9".repeat(length);
            assertEquals("1" + "0".repeat(length), adder.add(nines, "1"));
            assertEquals("1" + "0".repeat(length), adder.add("1", nines));
            assertEquals("1" + "9".repeat(length - 1) + "8", adder.add(nines, nines));
        }
        assertEquals("0", adder.add("0", "0"));
        assertEquals("7", adder.add("0007", "000"), "leading zeros are accepted and dropped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-5", "+5", " 5", "5 ", "1_000", "1,000", "1.5", "12a", "٣"})
    void malformedOperands_areRefusedSayingWhatIsAccepted(String operand) {
        var error = assertThrows(IllegalArgumentException.class, () -> adder.add("12", operand));
        String message = error.getMessage();
        assertTrue(message.contains("operand b"), message);
        assertTrue(message.contains("digits 0-9"), message);
    }

    @Test
    void eachProblem_isNamedWithItsPlace() {
        assertTrue(assertThrows(NumberFormatException.class, () -> adder.add("-5", "1")).getMessage()
                .contains("operand a = \"-5\" is negative"));
        assertTrue(assertThrows(NumberFormatException.class, () -> adder.add("+5", "1")).getMessage()
                .contains("starts with '+'"));
        assertTrue(assertThrows(NumberFormatException.class, () -> adder.add("1 2", "1")).getMessage()
                .contains("whitespace at index 1"));
        assertTrue(assertThrows(NumberFormatException.class, () -> adder.add("", "1")).getMessage()
                .contains("operand a is empty"));
        assertThrows(NullPointerException.class, () -> adder.add(null, "1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> adder.add(BigInteger.valueOf(-3), BigInteger.ONE)).getMessage().contains("is negative"));
        String tooLong = "1".repeat(NeuralAdder.MAX_DIGITS + 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> adder.add(tooLong, "1")).getMessage()
                .contains("at most 100,000"));
    }

    @Test
    void aBinaryModel_isRefusedAsADecimalAdder_andViceVersa() {
        var asDecimal = assertThrows(ModelContractException.class, () -> NeuralAdder.openDecimal(ShippedModels.DEFAULT));
        assertTrue(asDecimal.getMessage().contains("is a binary model"), asDecimal.getMessage());
        var asBinary = assertThrows(ModelContractException.class, () -> NeuralAdder.open(ShippedModels.DECIMAL));
        assertTrue(asBinary.getMessage().contains("is a decimal adder"), asBinary.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "37", "99", "0x10", "sixteen"})
    void aRadixThisRuntimeDoesNotKnow_isRefusedNamingIt(String radix, @TempDir Path temp) throws Exception {
        ModelProto.Builder model = ModelProto.parseFrom(Files.readAllBytes(ShippedModels.DECIMAL)).toBuilder();
        for (int i = 0; i < model.getMetadataPropsCount(); i++) {
            if (model.getMetadataProps(i).getKey().equals(MetadataKey.RADIX.key())) {
                model.setMetadataProps(i, model.getMetadataProps(i).toBuilder().setValue(radix));
            }
        }
        Path file = Files.write(temp.resolve("radix-" + radix + ".onnx"), model.build().toByteArray());
        for (var open : List.<Executable>of(() -> NeuralAdder.openDigitSerial(file), () -> NeuralAdder.openDecimal(file),
                () -> NeuralAdder.open(file))) {
            String message = assertThrows(ModelContractException.class, open).getMessage();
            assertTrue(message.contains("neuraladder.radix = " + radix), message);
            assertTrue(message.contains("3 to 36 (a digit-serial adder)"), message);
        }
    }

    @Test
    void aDecimalModelStretchedToAnotherRadix_isRefusedForItsTensorShapes(@TempDir Path temp) throws Exception {
        ModelProto.Builder model = ModelProto.parseFrom(Files.readAllBytes(ShippedModels.DECIMAL)).toBuilder();
        for (int i = 0; i < model.getMetadataPropsCount(); i++) {
            if (model.getMetadataProps(i).getKey().equals(MetadataKey.RADIX.key())) {
                model.setMetadataProps(i, model.getMetadataProps(i).toBuilder().setValue("16"));
            }
        }
        Path file = Files.write(temp.resolve("radix-16.onnx"), model.build().toByteArray());
        String message = assertThrows(ModelContractException.class, () -> NeuralAdder.openDigitSerial(file))
                .getMessage();
        assertTrue(message.contains("32"), "a radix-16 input has 32 features: " + message);
    }

    @Test
    void openDigitSerial_onTheDecimalModel_addsInDecimal_andNeedsAFile() {
        try (DigitAdder decimal = NeuralAdder.openDigitSerial(ShippedModels.DECIMAL)) {
            assertEquals(10, decimal.radix());
            assertEquals("596", decimal.add("535", "61"));
        }
        var noFile = assertThrows(IllegalStateException.class, () -> NeuralAdder.builder().buildDigitSerial());
        assertTrue(noFile.getMessage().contains("model(Path)"), noFile.getMessage());
    }

    @Test
    void aClosedAdder_refusesCalls() {
        DigitAdder closed = NeuralAdder.openDecimal(ShippedModels.DECIMAL);
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.add("1", "2"));
    }

    private static String digits(SplittableRandom random, int length) {
        char[] digits = new char[length];
        for (int i = 0; i < length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }

    /** A number whose digits sum with {@code a}'s to 9 above a carrying lowest digit: one long carry chain. */
    private static String carryPartner(SplittableRandom random, String a) {
        char[] b = new char[a.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (char) ('0' + 9 - (a.charAt(i) - '0'));
        }
        int last = b.length - 1;
        b[last] = (char) ('0' + Math.min(9, b[last] - '0' + 1 + random.nextInt(1)));
        return new String(b);
    }

    private static String preview(String number) {
        return number.length() <= 30 ? number : number.substring(0, 30) + "… (" + number.length() + " digits)";
    }
}
