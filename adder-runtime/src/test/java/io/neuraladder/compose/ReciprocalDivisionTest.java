package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ReciprocalDivision} on its own, on the bundled certified adder and subtractor, against
 * {@link BigInteger#divideAndRemainder}: quotients and divisors at and above its threshold, exact
 * multiples and one below them, all-ones and power-of-two divisors, all-ones dividends. The
 * estimate alone (uncorrected) is wrong on some of them, so the corrections are what this checks,
 * and it stays within a few units of the quotient (else the corrections would be slow, or the
 * fallback would serve); estimates off by one, by many and by everything are corrected (the last
 * by the fallback).
 */
@ExtendWith(BundledNetworks.class)
class ReciprocalDivisionTest {

    @Test
    void quotientsAndRemainders_agreeWithBigInteger(ReloadableAdder adder, ReloadableSubtractor subtractor) {
        long seed = AddExactProperty.seed();
        ReciprocalDivision division = division(adder, subtractor);
        EstimateOffsets offsets = new EstimateOffsets("ReciprocalDivision");
        List<BigInteger[]> pairs = pairs(new Random(seed));
        for (BigInteger[] pair : pairs) {
            BigInteger[] expected = pair[0].divideAndRemainder(pair[1]);
            assertArrayEquals(expected, division.divide(pair[0], pair[1]),
                    pair[0].bitLength() + "-bit by " + pair[1].bitLength() + "-bit (seed " + seed + ")");
            offsets.add(division.estimate(pair[0], pair[1]), expected[0]);
        }
        offsets.assertCorrectionsExercisedAndFew();
    }

    @Test
    void anyEstimate_isCorrected(ReloadableAdder adder, ReloadableSubtractor subtractor) {
        Random random = new Random(AddExactProperty.seed());
        BigInteger b = new BigInteger(300, random).setBit(299);
        BigInteger a = new BigInteger(700, random);
        BigInteger[] expected = a.divideAndRemainder(b);
        ReciprocalDivision division = division(adder, subtractor);
        for (BigInteger estimate : new BigInteger[] {expected[0].add(BigInteger.ONE),
                expected[0].subtract(BigInteger.valueOf(5)), expected[0].add(BigInteger.valueOf(15)),
                BigInteger.ZERO, expected[0].shiftLeft(1)}) {
            assertArrayEquals(expected, division.corrected(a, b, estimate), "from the estimate " + estimate);
        }
    }

    private static ReciprocalDivision division(ReloadableAdder adder, ReloadableSubtractor subtractor) {
        return new ReciprocalDivision(adder, subtractor, (x, y) -> subtractor.engine().call(engine -> engine.exact(x, y)));
    }

    private static List<BigInteger[]> pairs(Random random) {
        List<BigInteger[]> pairs = new ArrayList<>();
        int from = ReciprocalDivision.FROM_BITS;
        for (int[] bits : new int[][] {{from, from}, {from + 1, 2 * from}, {700, 300}, {1_000, 999}, {2_048, 1_500},
                {4_096, 2_048}}) {
            BigInteger b = new BigInteger(bits[1], random).setBit(bits[1] - 1);
            BigInteger q = new BigInteger(bits[0], random).setBit(bits[0] - 1);
            BigInteger ones = BigInteger.ONE.shiftLeft(bits[1]).subtract(BigInteger.ONE);
            BigInteger power = BigInteger.ONE.shiftLeft(bits[1] - 1);
            pairs.add(new BigInteger[] {q.multiply(b), b});
            pairs.add(new BigInteger[] {q.multiply(b).subtract(BigInteger.ONE), b});
            pairs.add(new BigInteger[] {q.multiply(b).add(b).subtract(BigInteger.ONE), b});
            pairs.add(new BigInteger[] {q.multiply(ones), ones});
            pairs.add(new BigInteger[] {q.multiply(power).add(BigInteger.ONE), power});
            pairs.add(new BigInteger[] {BigInteger.ONE.shiftLeft(bits[0] + bits[1]).subtract(BigInteger.ONE), b});
            pairs.add(new BigInteger[] {new BigInteger(bits[0] + bits[1], random), b});
        }
        return pairs;
    }
}
