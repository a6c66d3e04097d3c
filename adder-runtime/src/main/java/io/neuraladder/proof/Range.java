package io.neuraladder.proof;

/**
 * A closed interval of reals {@code [low, high]} with outward-rounded arithmetic ({@link Outward}):
 * every result contains the exact result of the operation on every pair of members.
 */
record Range(double low, double high) {

    static final Range ZERO = new Range(0, 0);

    static Range point(double x) {
        return new Range(x, x);
    }

    Range plus(Range other) {
        return new Range(Outward.addLow(low, other.low), Outward.addHigh(high, other.high));
    }

    /** {@code this − other}. */
    Range minus(Range other) {
        return new Range(Outward.addLow(low, -other.high), Outward.addHigh(high, -other.low));
    }

    Range times(Range other) {
        return new Range(Outward.productLow(low, high, other.low, other.high),
                Outward.productHigh(low, high, other.low, other.high));
    }

    Range times(double w) {
        return new Range(Outward.productLow(low, high, w, w), Outward.productHigh(low, high, w, w));
    }

    /** An upper bound of {@code |x|} over the interval. */
    double magnitude() {
        return Math.max(Math.abs(low), Math.abs(high));
    }

    /** σ over the interval: σ is increasing. */
    Range sigmoid() {
        return new Range(Outward.sigmoidLow(low), Outward.sigmoidHigh(high));
    }

    /** tanh over the interval: tanh is increasing. */
    Range tanh() {
        return new Range(Outward.tanhLow(low), Outward.tanhHigh(high));
    }

    /**
     * σ' = σ(x) σ(−x) over the interval: even, and decreasing in |x|, so it is largest at the point
     * nearest 0 (1/4 when the interval holds 0) and least at the end farthest from 0.
     */
    Range sigmoidSlope() {
        double farthest = Math.abs(low) > Math.abs(high) ? low : high;
        double least = Math.nextDown(Outward.sigmoidLow(farthest) * Outward.sigmoidLow(-farthest));
        if (low <= 0 && high >= 0) {
            return new Range(Math.max(0, least), 0.25);
        }
        double nearest = low > 0 ? low : high;
        return new Range(Math.max(0, least),
                Math.nextUp(Outward.sigmoidHigh(nearest) * Outward.sigmoidHigh(-nearest)));
    }

    /**
     * tanh' = 1 − tanh² over the interval: even, and decreasing in |x|, so it is largest at the
     * point nearest 0 (1 when the interval holds 0) and least at the end farthest from 0.
     */
    Range tanhSlope() {
        double farthest = Math.abs(low) > Math.abs(high) ? low : high;
        double steepest = Math.max(Math.abs(Outward.tanhLow(farthest)), Math.abs(Outward.tanhHigh(farthest)));
        double least = Math.max(0, Math.nextDown(1 - Math.nextUp(steepest * steepest)));
        if (low <= 0 && high >= 0) {
            return new Range(least, 1);
        }
        double nearest = low > 0 ? low : high;
        double flattest = Math.min(Math.abs(Outward.tanhLow(nearest)), Math.abs(Outward.tanhHigh(nearest)));
        if (Outward.tanhLow(nearest) <= 0 && Outward.tanhHigh(nearest) >= 0) {
            flattest = 0;
        }
        return new Range(least, Math.min(1, Math.nextUp(1 - Math.nextDown(flattest * flattest))));
    }
}
