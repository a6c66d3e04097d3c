package io.neuraladder.train.certify;

import java.util.Arrays;

/**
 * An axis-aligned box of cell states: an interval for each component of the state array of a
 * {@link RecurrentCell} ({@code h}, then {@code c} for an LSTM).
 */
final class StateBox {

    private final double[] low;
    private final double[] high;

    private StateBox(double[] low, double[] high) {
        this.low = low;
        this.high = high;
    }

    /** The single point 0 in a state space of {@code size} components: the initial state. */
    static StateBox zero(int size) {
        return new StateBox(new double[size], new double[size]);
    }

    void set(int component, double from, double to) {
        low[component] = from;
        high[component] = to;
    }

    void set(int component, double[] interval) {
        set(component, interval[0], interval[1]);
    }

    double low(int component) {
        return low[component];
    }

    double high(int component) {
        return high[component];
    }

    /** The interval of one component, as {@code {low, high}}. */
    double[] interval(int component) {
        return new double[] {low[component], high[component]};
    }

    int size() {
        return low.length;
    }

    /** This box grown by {@code margin} on every side. */
    StateBox inflated(double margin) {
        StateBox box = copy();
        for (int j = 0; j < low.length; j++) {
            box.set(j, low[j] - margin, high[j] + margin);
        }
        return box;
    }

    /**
     * How far {@code inner} stays inside this box: the smallest distance from one of its faces to
     * this box's matching face; negative when {@code inner} sticks out.
     */
    double slack(StateBox inner) {
        double slack = Double.POSITIVE_INFINITY;
        for (int j = 0; j < low.length; j++) {
            slack = Math.min(slack, Math.min(inner.low[j] - low[j], high[j] - inner.high[j]));
        }
        return slack;
    }

    /** The smallest box holding this one and {@code other}, each new face pushed out by {@code push}. */
    StateBox hullWith(StateBox other, double push) {
        StateBox box = copy();
        for (int j = 0; j < low.length; j++) {
            box.low[j] = other.low[j] < low[j] ? other.low[j] - push : low[j];
            box.high[j] = other.high[j] > high[j] ? other.high[j] + push : high[j];
        }
        return box;
    }

    /**
     * This box with every bound moved outward to the nearest float32, the precision certificates
     * store: the result holds this box, and its bounds are written to the file exactly.
     */
    StateBox roundedToFloat() {
        StateBox box = copy();
        for (int j = 0; j < low.length; j++) {
            float l = (float) low[j];
            float h = (float) high[j];
            box.low[j] = l > low[j] ? Math.nextDown(l) : l;
            box.high[j] = h < high[j] ? Math.nextUp(h) : h;
        }
        return box;
    }

    /** The widest side of the box. */
    double width() {
        double width = 0;
        for (int j = 0; j < low.length; j++) {
            width = Math.max(width, high[j] - low[j]);
        }
        return width;
    }

    StateBox copy() {
        return new StateBox(low.clone(), high.clone());
    }

    @Override
    public String toString() {
        return Arrays.toString(low) + ".." + Arrays.toString(high);
    }
}
