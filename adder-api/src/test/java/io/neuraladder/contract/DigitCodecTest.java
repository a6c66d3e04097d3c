package io.neuraladder.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigitCodecTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 16, 36})
    void encode_writesOneHotDigitsLeastSignificantFirst_andDecodeReadsTheArgMax(int radix) {
        DigitCodec codec = DigitCodec.of(radix);
        SplittableRandom random = new SplittableRandom(radix);
        String[] a = new String[5];
        String[] b = new String[5];
        for (int n = 0; n < a.length; n++) {
            a[n] = new BigInteger(1 + random.nextInt(60), new java.util.Random(n)).toString(radix).toUpperCase();
            b[n] = new BigInteger(1 + random.nextInt(60), new java.util.Random(n + 9)).toString(radix);
        }
        int steps = 0;
        for (int n = 0; n < a.length; n++) {
            steps = Math.max(steps, DigitCodec.steps(a[n], b[n]));
        }
        FloatBuffer input = FloatBuffer.allocate(steps * a.length * codec.inputFeatures());
        codec.encode(a, b, steps, input);
        FloatBuffer output = FloatBuffer.allocate(steps * a.length * radix);
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < a.length; n++) {
                int row = (t * a.length + n) * codec.inputFeatures();
                float ones = 0;
                for (int k = 0; k < codec.inputFeatures(); k++) {
                    ones += input.get(row + k);
                }
                assertEquals(2, ones, "one digit of each operand per step");
                assertEquals(1, input.get(row + codec.digit(a[n], t)));
                assertEquals(1, input.get(row + radix + codec.digit(b[n], t)));
                output.put((t * a.length + n) * radix + codec.digit(a[n], t), 1);
            }
        }
        for (int n = 0; n < a.length; n++) {
            assertEquals(new BigInteger(a[n], radix).toString(radix), codec.decode(output, steps, a.length, n),
                    "decoding the arg-max digits gives the number back in lower case, without leading zeros");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 2, 37, 64})
    void radixesWithoutADigitSerialContract_areRefused(int radix) {
        var error = assertThrows(IllegalArgumentException.class, () -> DigitCodec.of(radix));
        assertTrue(error.getMessage().contains("3..36") && error.getMessage().contains("got " + radix),
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 16, 36})
    void featuresAreTwoOneHotDigitsIn_andOneDistributionOut(int radix) {
        assertEquals(2 * radix, DigitSerialContract.inputFeatures(radix));
        assertEquals(radix, DigitSerialContract.outputFeatures(radix));
    }
}
