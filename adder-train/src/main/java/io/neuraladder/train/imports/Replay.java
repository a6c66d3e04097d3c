package io.neuraladder.train.imports;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import io.neuraladder.api.Subtractor;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.imports.CounterexampleSearch.Candidate;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.Supplier;

/**
 * Replays a candidate through ONNX Runtime: the written model file, served by {@code NeuralAdder}
 * with uncertified models allowed and the self-test skipped, asked through the narrowest public
 * call that shows the wrong answer ({@code add(int, int)}, then {@code add(long, long)}, then
 * {@code add(BigInteger, BigInteger)}; the {@code subtractExact} and {@code subtract} calls for a
 * subtractor). Only a wrong answer seen here is a counterexample.
 */
final class Replay {

    private Replay() {}

    /** The first candidate (shortest first) that the written file gets wrong through ONNX Runtime, if any. */
    static Optional<Counterexample> firstConfirmed(Path model, Operator operator, Iterable<Candidate> candidates) {
        if (operator == Operator.SUBTRACT) {
            try (Subtractor subtractor = NeuralAdder.builder().model(model).allowUncertified().skipSelfTest()
                    .buildSubtractor()) {
                return firstConfirmed(candidates, new Calls(subtractor::subtractExact, subtractor::subtractExact,
                        subtractor::subtract, Math::subtractExact, Math::subtractExact, BigInteger::subtract,
                        "subtractExact", "subtract"));
            }
        }
        try (Adder adder = NeuralAdder.builder().model(model).allowUncertified().skipSelfTest().build()) {
            return firstConfirmed(candidates, new Calls(adder::add, adder::add, adder::add, Math::addExact,
                    Math::addExact, BigInteger::add, "add", "add"));
        }
    }

    private static Optional<Counterexample> firstConfirmed(Iterable<Candidate> candidates, Calls calls) {
        for (Candidate candidate : candidates) {
            Optional<Counterexample> confirmed = confirm(candidate, calls);
            if (confirmed.isPresent()) {
                return confirmed;
            }
        }
        return Optional.empty();
    }

    /** The network's calls and their exact references; the public methods' names for ints and longs, and for BigIntegers. */
    private record Calls(IntBinaryOperator networkInt, LongBinaryOperator networkLong, BinaryOperator<BigInteger> networkBig,
            IntBinaryOperator exactInt, LongBinaryOperator exactLong, BinaryOperator<BigInteger> exactBig,
            String name, String bigName) {}

    /** The operands are the strings' bits, read as non-negative numbers; the narrowest call that errs wins. */
    private static Optional<Counterexample> confirm(Candidate candidate, Calls calls) {
        BigInteger a = value(candidate.a());
        BigInteger b = value(candidate.b());
        if (candidate.length() < Integer.SIZE) {
            int x = a.intValueExact();
            int y = b.intValueExact();
            Optional<Counterexample> wrong = differ(calls.name() + "(int, int)", a, b,
                    () -> calls.networkInt().applyAsInt(x, y), () -> calls.exactInt().applyAsInt(x, y), candidate);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        if (candidate.length() < Long.SIZE) {
            long x = a.longValueExact();
            long y = b.longValueExact();
            Optional<Counterexample> wrong = differ(calls.name() + "(long, long)", a, b,
                    () -> calls.networkLong().applyAsLong(x, y), () -> calls.exactLong().applyAsLong(x, y), candidate);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return differ(calls.bigName() + "(BigInteger, BigInteger)", a, b, () -> calls.networkBig().apply(a, b),
                () -> calls.exactBig().apply(a, b),
                candidate);
    }

    private static Optional<Counterexample> differ(String call, BigInteger a, BigInteger b, Supplier<Object> network,
            Supplier<Object> exact, Candidate candidate) {
        String given = outcome(network);
        String expected = outcome(exact);
        return given.equals(expected) ? Optional.empty()
                : Optional.of(new Counterexample(call, a.toString(), b.toString(), given, expected, candidate));
    }

    private static String outcome(Supplier<Object> call) {
        try {
            return String.valueOf(call.get());
        } catch (ArithmeticException e) {
            return "ArithmeticException(\"" + e.getMessage() + "\")";
        }
    }

    /** The bits, least significant first, as a non-negative number. */
    static BigInteger value(int[] bits) {
        BigInteger value = BigInteger.ZERO;
        for (int i = bits.length - 1; i >= 0; i--) {
            value = value.shiftLeft(1).or(BigInteger.valueOf(bits[i]));
        }
        return value;
    }
}
