package io.neuraladder.compose;

import io.neuraladder.api.ModelInfo;
import io.neuraladder.engine.OperatorEngine;
import java.math.BigInteger;

/**
 * A certified engine whose batched {@code BigInteger} results pass through a deliberate miswiring,
 * for the tests that must catch a miswired composition; every other call is the engine's.
 */
final class RewiredEngine implements OperatorEngine {

    /** The miswired results of a batch, from its operands and the certified engine. */
    @FunctionalInterface
    interface Rewiring {
        BigInteger[] results(BigInteger[] a, BigInteger[] b, OperatorEngine engine);
    }

    private final OperatorEngine engine;
    private final Rewiring rewiring;

    RewiredEngine(OperatorEngine engine, Rewiring rewiring) {
        this.engine = engine;
        this.rewiring = rewiring;
    }

    @Override
    public BigInteger[] exact(BigInteger[] a, BigInteger[] b) {
        return rewiring.results(a, b, engine);
    }

    @Override
    public BigInteger exact(BigInteger a, BigInteger b) {
        return exact(new BigInteger[] {a}, new BigInteger[] {b})[0];
    }

    @Override
    public ModelInfo model() {
        return engine.model();
    }

    @Override
    public int wrapped(int a, int b) {
        return engine.wrapped(a, b);
    }

    @Override
    public long wrapped(long a, long b) {
        return engine.wrapped(a, b);
    }

    @Override
    public void wrapped(int[] a, int[] b, int[] results) {
        engine.wrapped(a, b, results);
    }

    @Override
    public void wrapped(long[] a, long[] b, long[] results) {
        engine.wrapped(a, b, results);
    }

    @Override
    public void close() {
        engine.close();
    }
}
