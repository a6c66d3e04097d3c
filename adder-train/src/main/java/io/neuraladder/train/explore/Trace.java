package io.neuraladder.train.explore;

import io.neuraladder.contract.Operator;
import java.util.List;

/**
 * One addition as the explorer shows it: the runtime's answer and the steps the cell took to reach
 * it. This record is the JSON of {@code /api/trace} (see docs/explorer.md).
 *
 * @param model the model's name
 * @param kind {@code binary}, {@code decimal} or {@code radix R} ({@link ModelView#kind(int)})
 * @param radix the radix of {@code a}, {@code b} and {@code sum}'s digits: 2 for a binary add, whose
 *     operands and sum are written as decimal ints
 * @param operator {@code add} or {@code subtract}
 * @param symbol the operator's sign, {@code +} or {@code -}
 * @param a the first operand, as read
 * @param b the second operand, as read
 * @param width how a binary model's runtime was called: {@code int}, {@code long} or {@code big}
 *     ({@code BigInteger}); {@code null} for decimal
 * @param bits the steps of a binary add: 32, 64, or a BigInteger's length plus 2; {@code null} for decimal
 * @param sum the runtime's result: wrapped to {@code bits} for ints and longs, like {@code +} and
 *     {@code -}; exact for BigIntegers; signed for a digit-string subtraction
 * @param overflow {@code Math}'s exact method's message when the exact result does not fit, else {@code null}
 * @param traceAgrees whether the traced steps spell the runtime's result (they always should)
 * @param stepCount the number of steps
 * @param steps each step, least significant digit first
 * @param millis how long the trace took on the server, adds included
 */
record Trace(String model, String kind, int radix, String operator, String symbol, String a, String b, String width,
        Integer bits, String sum, String overflow,
        boolean traceAgrees, int stepCount, List<Step> steps, double millis) {

    /**
     * One step of the cell.
     *
     * @param index the step, from 0 (the least significant digit pair)
     * @param a the first operand's digit (bit) read at this step
     * @param b the second operand's digit (bit)
     * @param h the hidden state after the step
     * @param c an LSTM's memory after the step; {@code null} for other cells
     * @param sumDigit the digit (bit) the model outputs
     * @param margin how far the output leads: |logit| for a bit, best minus runner-up logit for a digit
     * @param carry the carry or borrow out of this step, which the state stands for
     * @param region the certificate region the state must lie in, and where it lies; {@code null} uncertified
     * @param point the state in the plane of the model's projection; {@code null} uncertified
     */
    record Step(int index, int a, int b, float[] h, float[] c, int sumDigit, double margin, int carry,
            InRegion region, double[] point) {}

    /**
     * The region of the certificate that holds a step's state.
     *
     * @param index the region's position in the certificate
     * @param label its carry label
     * @param carry the carry it stands for
     * @param sumDigit the digit it claims
     * @param inside whether the traced state lies in the box (the proof says it must)
     * @param slack the smallest distance from the state to a face of the box
     * @param position for each state component, where it sits between the box's faces (0 low, 1 high)
     */
    record InRegion(int index, String label, int carry, int sumDigit, boolean inside, double slack, float[] position) {}

    /** The parts of a trace known before its name and time. */
    record Builder(String kind, int radix, Operator operator, String a, String b, String width, Integer bits,
            String sum, String overflow, StepTracer.Run run, boolean agrees) {

        Trace build(String model, double millis) {
            return new Trace(model, kind, radix, operator.metadataName(), operator.symbol(), a, b, width, bits, sum,
                    overflow,
                    agrees, run.steps().size(), run.steps(), millis);
        }
    }
}
