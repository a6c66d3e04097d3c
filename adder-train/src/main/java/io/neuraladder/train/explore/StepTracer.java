package io.neuraladder.train.explore;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.DigitCodec;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.CertificateRegions;
import io.neuraladder.train.certify.CertificateRegions.Region;
import io.neuraladder.train.certify.RecurrentCell;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model's cell step by step, with ONNX's equations in double precision
 * ({@link RecurrentCell}), and records at each step what the page shows: the digits in, the state,
 * the output digit and its logit margin, the carry or borrow, and the certificate region the state
 * must lie in.
 * Tests hold these states to ONNX Runtime's own hidden-state output.
 */
final class StepTracer {

    /** The longest decimal operand traced: every step is drawn, and a page of 2,000 columns is already long. */
    static final int MAX_DECIMAL_DIGITS = 2_000;

    private final CellWeights weights;
    private final Operator operator;
    private final CertificateRegions regions;
    private final Projection projection;

    StepTracer(CellWeights weights, Operator operator, CertificateRegions regions, Projection projection) {
        this.weights = weights;
        this.operator = operator;
        this.regions = regions;
        this.projection = projection;
    }

    /** The steps of a run and what the model's outputs spell. */
    record Run(List<Trace.Step> steps, String digits) {}

    /**
     * The steps of {@code a op b} on a binary model, as many as the operands' width takes, and the
     * result they spell in that width (decimal): wrapped for ints and longs.
     */
    Run binary(BinaryOperands operands) {
        int[] as = new int[operands.bits()];
        int[] bs = new int[operands.bits()];
        for (int t = 0; t < as.length; t++) {
            as[t] = operands.bitOfA(t);
            bs[t] = operands.bitOfB(t);
        }
        List<Trace.Step> steps = run(as, bs);
        float[] digits = new float[steps.size()];
        for (Trace.Step step : steps) {
            digits[step.index()] = step.sumDigit();
        }
        return new Run(steps, BitCodec.decodeBigInteger(FloatBuffer.wrap(digits), digits.length).toString());
    }

    /**
     * The steps of {@code a op b} on a digit-serial model (one more than the longer operand has
     * digits), and every output digit they spell, leading zeros kept.
     */
    Run digits(String a, String b) {
        int count = DigitCodec.steps(a, b);
        int[] as = new int[count];
        int[] bs = new int[count];
        DigitCodec codec = DigitCodec.of(weights.radix());
        for (int t = 0; t < count; t++) {
            as[t] = codec.digit(a, t);
            bs[t] = codec.digit(b, t);
        }
        List<Trace.Step> steps = run(as, bs);
        StringBuilder digits = new StringBuilder();
        for (int t = steps.size() - 1; t >= 0; t--) {
            digits.append(Character.forDigit(steps.get(t).sumDigit(), codec.radix()));
        }
        return new Run(steps, digits.toString());
    }

    private List<Trace.Step> run(int[] as, int[] bs) {
        RecurrentCell cell = RecurrentCell.of(weights);
        int radix = weights.radix();
        int hidden = weights.hidden();
        double[] state = new double[cell.stateSize()];
        int[] pairs = new int[as.length];
        for (int t = 0; t < as.length; t++) {
            pairs[t] = as[t] * radix + bs[t];
        }
        List<Region> along = regions == null ? null : regions.regionsAlong(pairs);
        List<Trace.Step> steps = new ArrayList<>(as.length);
        int carry = operator.initialState();
        for (int t = 0; t < as.length; t++) {
            cell.step(state, as[t], bs[t]);
            carry = operator.next(radix, carry, as[t], bs[t]);
            int digit = cell.digit(state);
            double margin = margin(cell, state, digit);
            float[] h = floats(state, 0, hidden);
            float[] c = state.length > hidden ? floats(state, hidden, state.length) : null;
            Trace.InRegion inRegion = along == null ? null : inRegion(along.get(t), state);
            double[] point = projection == null ? null : projection.point(state);
            steps.add(new Trace.Step(t, as[t], bs[t], h, c, digit, margin, carry, inRegion, point));
        }
        return steps;
    }

    /** How far the chosen output leads: the logit's distance from 0 for a bit, the lead over the runner-up for a digit. */
    private static double margin(RecurrentCell cell, double[] state, int digit) {
        if (cell.weights().outputs() == 1) {
            return Math.abs(cell.logit(state));
        }
        double best = cell.logit(state, digit);
        double runnerUp = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cell.weights().outputs(); k++) {
            if (k != digit) {
                runnerUp = Math.max(runnerUp, cell.logit(state, k));
            }
        }
        return best - runnerUp;
    }

    private static Trace.InRegion inRegion(Region region, double[] state) {
        float[] position = new float[state.length];
        for (int j = 0; j < state.length; j++) {
            double width = region.high()[j] - region.low()[j];
            position[j] = (float) (width > 0 ? (state[j] - region.low()[j]) / width : 0.5);
        }
        double slack = region.slack(state);
        return new Trace.InRegion(region.index(), region.label(), region.carryAfter(), region.sumDigit(), slack >= 0,
                slack, position);
    }

    private static float[] floats(double[] values, int from, int to) {
        float[] floats = new float[to - from];
        for (int j = from; j < to; j++) {
            floats[j - from] = (float) values[j];
        }
        return floats;
    }
}
