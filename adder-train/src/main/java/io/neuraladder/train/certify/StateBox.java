package io.neuraladder.train.certify;

import java.util.Arrays;

/** An axis-aligned box of LSTM states: an interval for each component of {@code h} and {@code c}. */
final class StateBox {

    private final double[] hLow;
    private final double[] hHigh;
    private final double[] cLow;
    private final double[] cHigh;

    private StateBox(double[] hLow, double[] hHigh, double[] cLow, double[] cHigh) {
        this.hLow = hLow;
        this.hHigh = hHigh;
        this.cLow = cLow;
        this.cHigh = cHigh;
    }

    static StateBox empty(int hidden) {
        return new StateBox(new double[hidden], new double[hidden], new double[hidden], new double[hidden]);
    }

    /** The single point {@code h = c = 0}: the initial state. */
    static StateBox zero(int hidden) {
        return empty(hidden);
    }

    void set(int unit, double hFrom, double hTo, double cFrom, double cTo) {
        hLow[unit] = hFrom;
        hHigh[unit] = hTo;
        cLow[unit] = cFrom;
        cHigh[unit] = cTo;
    }

    double[] hLow() {
        return hLow;
    }

    double[] hHigh() {
        return hHigh;
    }

    double[] cLow() {
        return cLow;
    }

    double[] cHigh() {
        return cHigh;
    }

    /** This box grown by {@code margin} on every side. */
    StateBox inflated(double margin) {
        StateBox box = copy();
        for (int j = 0; j < hLow.length; j++) {
            box.set(j, hLow[j] - margin, hHigh[j] + margin, cLow[j] - margin, cHigh[j] + margin);
        }
        return box;
    }

    /**
     * How far {@code inner} stays inside this box: the smallest distance from one of its faces to
     * this box's matching face; negative when {@code inner} sticks out.
     */
    double slack(StateBox inner) {
        double slack = Double.POSITIVE_INFINITY;
        for (int j = 0; j < hLow.length; j++) {
            slack = Math.min(slack, Math.min(inner.hLow[j] - hLow[j], hHigh[j] - inner.hHigh[j]));
            slack = Math.min(slack, Math.min(inner.cLow[j] - cLow[j], cHigh[j] - inner.cHigh[j]));
        }
        return slack;
    }

    /** The smallest box holding this one and {@code other}, each new face pushed out by {@code push}. */
    StateBox hullWith(StateBox other, double push) {
        StateBox box = copy();
        for (int j = 0; j < hLow.length; j++) {
            box.hLow[j] = other.hLow[j] < hLow[j] ? other.hLow[j] - push : hLow[j];
            box.hHigh[j] = other.hHigh[j] > hHigh[j] ? other.hHigh[j] + push : hHigh[j];
            box.cLow[j] = other.cLow[j] < cLow[j] ? other.cLow[j] - push : cLow[j];
            box.cHigh[j] = other.cHigh[j] > cHigh[j] ? other.cHigh[j] + push : cHigh[j];
        }
        return box;
    }

    /** The widest side of the box. */
    double width() {
        double width = 0;
        for (int j = 0; j < hLow.length; j++) {
            width = Math.max(width, Math.max(hHigh[j] - hLow[j], cHigh[j] - cLow[j]));
        }
        return width;
    }

    StateBox copy() {
        return new StateBox(hLow.clone(), hHigh.clone(), cLow.clone(), cHigh.clone());
    }

    @Override
    public String toString() {
        return "h " + Arrays.toString(hLow) + ".." + Arrays.toString(hHigh) + ", c " + Arrays.toString(cLow) + ".."
                + Arrays.toString(cHigh);
    }
}
