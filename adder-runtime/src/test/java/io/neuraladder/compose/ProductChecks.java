package io.neuraladder.compose;

import io.neuraladder.engine.OperatorEngine;
import io.neuraladder.properties.AddExactProperty;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Checks of a product composition on the bundled certified adder, or a miswiring of it, against {@link BigInteger#multiply}. */
final class ProductChecks {

    /** A composition of products: {@code x[i]·y[i]} for every index, from the adder {@code engine}. */
    @FunctionalInterface
    interface Composition {
        BigInteger[] products(OperatorEngine engine, BigInteger[] x, BigInteger[] y);
    }

    private ProductChecks() {}

    /**
     * How many of {@code pairs}' products {@code composition} gets wrong, in one batched call, on
     * {@code adder}'s engine miswired by {@code miswiring} ({@code null}: as certified); prints the
     * count under {@code name}.
     */
    static int wrong(String name, Composition composition, ReloadableAdder adder, RewiredEngine.Rewiring miswiring,
            List<BigInteger[]> pairs) {
        BigInteger[] x = pairs.stream().map(p -> p[0]).toArray(BigInteger[]::new);
        BigInteger[] y = pairs.stream().map(p -> p[1]).toArray(BigInteger[]::new);
        BigInteger[] products = adder.engine().call(engine ->
                composition.products(miswiring == null ? engine : new RewiredEngine(engine, miswiring), x, y));
        int wrong = 0;
        for (int i = 0; i < x.length; i++) {
            wrong += products[i].equals(x[i].multiply(y[i])) ? 0 : 1;
        }
        System.out.printf("%s%s: %d of %d products wrong (seed %d)%n", name, miswiring == null ? "" : " miswired", wrong,
                x.length, AddExactProperty.seed());
        return wrong;
    }

    /**
     * Factor pairs for each length in {@code lengths}: all-ones (whose partial sums carry furthest),
     * a power of two against its negation, random factors of that length with every sign, an
     * unbalanced pair, zero and −1.
     */
    static List<BigInteger[]> factorPairs(Random random, int... lengths) {
        List<BigInteger[]> pairs = new ArrayList<>();
        for (int bits : lengths) {
            BigInteger ones = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            BigInteger power = BigInteger.ONE.shiftLeft(bits - 1);
            BigInteger x = new BigInteger(bits, random).setBit(bits - 1);
            BigInteger y = new BigInteger(bits, random).setBit(bits - 1);
            pairs.add(new BigInteger[] {ones, ones});
            pairs.add(new BigInteger[] {ones.negate(), ones});
            pairs.add(new BigInteger[] {power, power.negate()});
            pairs.add(new BigInteger[] {x, y});
            pairs.add(new BigInteger[] {x.negate(), y});
            pairs.add(new BigInteger[] {x.negate(), y.negate()});
            pairs.add(new BigInteger[] {x, new BigInteger(bits / 3 + 1, random)});
            pairs.add(new BigInteger[] {x, BigInteger.ZERO});
            pairs.add(new BigInteger[] {BigInteger.ONE.negate(), y});
        }
        return pairs;
    }
}
