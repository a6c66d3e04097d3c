package io.neuraladder.train.explore;

import java.util.List;

/**
 * One division as the explorer shows it: restoring division of a non-negative int by a positive
 * one with the chosen subtractor, one subtraction per quotient bit from where the divisor first
 * fits, each traced step by step. This record is the JSON of {@code /api/quotient}.
 *
 * @param model the subtractor's name
 * @param a the dividend, as read
 * @param b the divisor, as read
 * @param quotient {@code a / b}, spelled by the kept subtractions
 * @param remainder {@code a % b}, the last partial remainder
 * @param subtractions one per quotient bit, most significant first
 */
record Quotient(String model, String a, String b, String quotient, String remainder, List<Subtraction> subtractions) {

    /**
     * One step of the division: the partial remainder with the next dividend bit brought down, less
     * the divisor, by the subtractor as the runtime serves it.
     *
     * @param bit the quotient bit this step decides
     * @param partial the partial remainder, the next bit brought down
     * @param divisor the divisor
     * @param kept whether the difference is not negative: the quotient bit is 1 and the difference
     *     becomes the partial remainder
     * @param trace the runtime's difference and the steps the cell took to reach it
     */
    record Subtraction(int bit, String partial, String divisor, boolean kept, Trace trace) {}
}
