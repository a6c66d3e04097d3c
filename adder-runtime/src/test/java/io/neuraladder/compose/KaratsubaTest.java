package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.engine.OperatorEngine;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Karatsuba} on its own, on the bundled certified adder, against {@link BigInteger#multiply}:
 * factors just below, at and above the split width and several levels above it, both signs, zero,
 * powers of two, all-ones halves (whose half sums carry into an extra bit) and unbalanced pairs,
 * all in one batched call. A miswired variant, whose adder drops each sum's carry out of the wider
 * operand's width (the classic bug of an {@code m}-bit middle sum), is caught by the same factors.
 */
@ExtendWith(BundledNetworks.class)
class KaratsubaTest {

    @Test
    void products_agreeWithBigInteger(ReloadableAdder adder) {
        assertEquals(0, ProductChecks.wrong("Karatsuba", Karatsuba::products, adder, null, pairs()));
    }

    @Test
    void middleSumsWithoutTheirCarry_areCaught(ReloadableAdder adder) {
        assertTrue(ProductChecks.wrong("Karatsuba", Karatsuba::products, adder, KaratsubaTest::carriesDropped, pairs()) > 0,
                "sums cut to their operands' width multiply wrongly, and the check sees it");
    }

    private static List<BigInteger[]> pairs() {
        int split = Karatsuba.SPLIT_ABOVE_BITS;
        return ProductChecks.factorPairs(new Random(AddExactProperty.seed()), split - 1, split, split + 1, 2 * split + 3,
                5 * split, 1_000, 2_049);
    }

    /** The certified adder with each sum of non-negative operands cut to their width: a carry out of the top is lost. */
    private static BigInteger[] carriesDropped(BigInteger[] a, BigInteger[] b, OperatorEngine engine) {
        BigInteger[] sums = engine.exact(a, b);
        for (int i = 0; i < sums.length; i++) {
            int width = Math.max(a[i].bitLength(), b[i].bitLength());
            if (a[i].signum() >= 0 && b[i].signum() >= 0) {
                sums[i] = sums[i].mod(BigInteger.ONE.shiftLeft(Math.max(1, width)));
            }
        }
        return sums;
    }
}
