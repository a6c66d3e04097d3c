package io.neuraladder.train.explore;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The page's figures for one trace as a PNG, drawn with XChart: the state of every unit at every
 * step as a heat map, and, for a certified model, the certificate's boxes in the plane of
 * {@link Projection} with the trace's trajectory through them.
 */
final class TraceFigure {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 520;
    private static final Color CARRY_0 = new Color(0x2b6cb0);
    private static final Color CARRY_1 = new Color(0xc05621);
    private static final Color LOW = new Color(0x5e3c99);
    private static final Color HIGH = new Color(0x1b7837);

    private TraceFigure() {}

    /** Writes the figures of {@code trace} on {@code model} to {@code png}. */
    static void write(ModelView model, Trace trace, Path png) {
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(heatMap(model, trace));
        if (model.plane() != null) {
            charts.add(plane(model, trace));
        }
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BitmapEncoder.saveBitmap(charts, charts.size(), 1, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + png, e);
        }
    }

    private static String title(ModelView model, Trace trace) {
        String width = trace.width() == null ? "" : " as " + switch (trace.width()) {
            case "int" -> "ints";
            case "long" -> "longs";
            default -> "BigIntegers";
        };
        String result = trace.overflow() == null ? "= " + ModelView.written(trace.sum(), trace.radix())
                : "overflows (" + trace.overflow() + "; wrapped: " + trace.sum() + ")";
        return String.format(Locale.ROOT, "%s: %s %s %s%s %s, %d steps", model.file(),
                ModelView.written(trace.a(), trace.radix()), trace.symbol(), ModelView.written(trace.b(), trace.radix()),
                width, result, trace.stepCount());
    }

    private static HeatMapChart heatMap(ModelView model, Trace trace) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title(model, trace))
                .xAxisTitle("step, least significant first: bits (digits) in → sum bit (digit) out")
                .yAxisTitle("state after the step").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setRangeColors(new Color[] {LOW, Color.WHITE, HIGH});
        chart.getStyler().setMin(-1);
        chart.getStyler().setMax(1);
        int steps = trace.stepCount();
        int components = model.stateSize();
        List<Number[]> values = new ArrayList<>();
        for (Trace.Step step : trace.steps()) {
            for (int j = 0; j < components; j++) {
                double value = j < step.h().length ? step.h()[j] : step.c()[j - step.h().length];
                values.add(new Number[] {step.index(), j, Math.max(-1, Math.min(1, value))});
            }
        }
        List<String> xs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Trace.Step step = trace.steps().get(t);
            xs.add(step.a() + "" + step.b() + "→" + step.sumDigit());
        }
        chart.addSeries("value (c clipped to ±1)", xs, model.units(), values);
        chart.getStyler().setXAxisLabelRotation(90);
        return chart;
    }

    private static XYChart plane(ModelView model, Trace trace) {
        ModelView.Plane plane = model.plane();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "%d certificate boxes and this trajectory; x: %s (gap %.3g)",
                        plane.boxes().size(), plane.x(), plane.gap()))
                .xAxisTitle("x: " + plane.x()).yAxisTitle("y: first principal direction ⊥ x").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        for (int carry = 0; carry <= 1; carry++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (float[] box : plane.boxes()) {
                if (box[4] == carry) {
                    outline(box, xs, ys);
                }
            }
            XYSeries series = chart.addSeries("boxes, carry " + carry, xs, ys);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(carry == 0 ? CARRY_0 : CARRY_1);
        }
        List<Double> xs = new ArrayList<>(List.of(0.0));
        List<Double> ys = new ArrayList<>(List.of(0.0));
        for (Trace.Step step : trace.steps()) {
            xs.add(step.point()[0]);
            ys.add(step.point()[1]);
        }
        XYSeries path = chart.addSeries("trajectory from the zero state", xs, ys);
        path.setMarker(SeriesMarkers.CIRCLE);
        path.setLineColor(Color.BLACK);
        path.setMarkerColor(Color.BLACK);
        return chart;
    }

    /** A rectangle's outline, then a gap (XChart breaks a line at a null). */
    private static void outline(float[] box, List<Double> xs, List<Double> ys) {
        double[][] corners = {{box[0], box[2]}, {box[1], box[2]}, {box[1], box[3]}, {box[0], box[3]}, {box[0], box[2]}};
        for (double[] corner : corners) {
            xs.add(corner[0]);
            ys.add(corner[1]);
        }
        xs.add(box[0] + 0.0);
        ys.add(null);
    }
}
