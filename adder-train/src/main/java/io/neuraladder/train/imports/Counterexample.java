package io.neuraladder.train.imports;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.imports.CounterexampleSearch.Candidate;

/**
 * A counterexample anyone can run again: operands that a model file, served by ONNX Runtime, gets
 * wrong through a public call.
 *
 * @param call the public call, such as {@code add(int, int)}
 * @param a the first operand, in decimal
 * @param b the second operand, in decimal
 * @param networkGives what the call returned on the written file (or the exception it threw)
 * @param exact what {@code Math} or {@code BigInteger} gives
 * @param candidate the bit strings the search found
 */
public record Counterexample(String call, String a, String b, String networkGives, String exact, Candidate candidate) {

    /** {@code a + b}, or {@code a - b}, in decimal. */
    public String expression(Operator operator) {
        return a + " " + operator.symbol() + " " + (b.startsWith("-") ? "(" + b + ")" : b);
    }
}
