package io.neuraladder.train.experiments;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.EvaluationRow;
import io.neuraladder.train.TrainingConfig;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** Draws an experiment grid's figures as PNG files with XChart. */
public final class ExperimentPlots {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    private ExperimentPlots() {}

    /** The file name of a configuration's training curves. */
    public static String curvesFile(TrainingConfig config) {
        return String.format(Locale.ROOT, "curves-%s-%s-%dbit.png", config.cell().metadataName(),
                config.loss().cliName(), config.trainSteps());
    }

    /** The file name of a cell's accuracy-by-length figure. */
    public static String lengthFile(CellType cell) {
        return "length-" + cell.metadataName() + ".png";
    }

    /**
     * Writes, into {@code directory}, training curves for the first seed of every configuration
     * and an accuracy-by-length figure per cell; returns the files written.
     */
    public static List<Path> write(List<ExperimentRun> runs, Path directory) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            Map<String, List<ExperimentRun>> byConfiguration = runs.stream().collect(Collectors.groupingBy(
                    r -> curvesFile(r.config()), LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<ExperimentRun>> configuration : byConfiguration.entrySet()) {
                Path file = directory.resolve(configuration.getKey());
                ExperimentRun first = configuration.getValue().get(0);
                BitmapEncoder.saveBitmap(List.of(lossChart(first), accuracyChart(first)), 1, 2, file.toString(),
                        BitmapEncoder.BitmapFormat.PNG);
                files.add(file);
            }
            for (CellType cell : runs.stream().map(r -> r.config().cell()).distinct().toList()) {
                Path file = directory.resolve(lengthFile(cell));
                BitmapEncoder.saveBitmap(lengthChart(cell, runs), file.toString(), BitmapEncoder.BitmapFormat.PNG);
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plots to " + directory, e);
        }
        return files;
    }

    private static XYChart lossChart(ExperimentRun run) {
        XYChart chart = chart(title(run.config()) + ": loss", "iteration", "cross-entropy per bit");
        chart.getStyler().setYAxisLogarithmic(true);
        List<EvaluationRow> rows = run.result().rows();
        chart.addSeries("training (mini-batch, " + run.config().trainSteps() + " bits)", iterations(rows),
                rows.stream().mapToDouble(r -> Math.max(r.loss(), 1e-9)).toArray());
        chart.addSeries("validation (uniform, 32 bits)", iterations(rows),
                rows.stream().mapToDouble(r -> Math.max(r.validationLoss(), 1e-9)).toArray());
        return chart;
    }

    private static XYChart accuracyChart(ExperimentRun run) {
        XYChart chart = chart(title(run.config()) + ": exact sums", "iteration", "exact sums (share)");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        List<EvaluationRow> rows = run.result().rows();
        chart.addSeries("training (mini-batch, " + run.config().trainSteps() + " bits)", iterations(rows),
                rows.stream().mapToDouble(EvaluationRow::miniBatchExact).toArray());
        chart.addSeries("validation (uniform, 32 bits)", iterations(rows),
                rows.stream().mapToDouble(r -> r.random().exactRate()).toArray());
        chart.addSeries("validation (carry-heavy, 32 bits)", iterations(rows),
                rows.stream().mapToDouble(r -> r.carryHeavy().exactRate()).toArray());
        return chart;
    }

    private static XYChart lengthChart(CellType cell, List<ExperimentRun> runs) {
        XYChart chart = chart(cell.onnxOperator() + ": exact sums by operand length (mean over seeds)",
                "operand length (bits)", "exact sums (share)");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setYAxisMax(1.0);
        double[] lengths = Arrays.stream(LengthAccuracy.LENGTHS).asDoubleStream().toArray();
        Map<String, List<ExperimentRun>> series = runs.stream().filter(r -> r.config().cell() == cell)
                .collect(Collectors.groupingBy(r -> r.config().loss().cliName() + ", trained on "
                        + r.config().trainSteps() + " bits", LinkedHashMap::new, Collectors.toList()));
        series.forEach((name, group) -> {
            double[] mean = new double[lengths.length];
            for (ExperimentRun run : group) {
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += run.lengthAccuracy()[k] / group.size();
                }
            }
            chart.addSeries(name, lengths, mean);
        });
        return chart;
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW).setMarkerSize(4)
                .setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    private static String title(TrainingConfig config) {
        return String.format(Locale.ROOT, "%s, %s, %d-bit training, seed %d", config.cell().onnxOperator(),
                config.loss().cliName().toUpperCase(Locale.ROOT), config.trainSteps(), config.seed());
    }

    private static double[] iterations(List<EvaluationRow> rows) {
        return rows.stream().mapToDouble(EvaluationRow::iteration).toArray();
    }

    static {
        // Figures are drawn off-screen, also on machines without a display.
        System.setProperty("java.awt.headless", "true");
    }
}
