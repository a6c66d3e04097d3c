package io.neuraladder.train.cli;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.EvaluationRow;
import io.neuraladder.train.PinnedNumerics;
import io.neuraladder.train.Trainer;
import io.neuraladder.train.TrainingConfig;
import io.neuraladder.train.TrainingTable;
import io.neuraladder.train.experiments.ExperimentGrid;
import io.neuraladder.train.experiments.ExperimentPlots;
import io.neuraladder.train.experiments.ExperimentReport;
import io.neuraladder.train.experiments.ExperimentRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code experiments}: trains a grid of cells × losses × training lengths × seeds and reports it. */
@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = {"Trains every combination of cell, loss, training length and seed from scratch, measures "
                + "examples and time to exact, the certificate and exact-sum accuracy by length (1 to 128 bits), "
                + "and writes the tables into the report (between its marker lines) and the figures as PNG.",
                "Run with the pinned numerics of PinnedNumerics in the environment (OMP_NUM_THREADS=1 among them)."})
final class ExperimentsCommand implements Callable<Integer> {

    /** Offers {@code experiments} to the command line through {@link java.util.ServiceLoader}. */
    public static final class Provider implements CommandProvider {

        @Override
        public Object command() {
            return new ExperimentsCommand();
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--cells", split = ",", description = "cells to compare (default: ${DEFAULT-VALUE})")
    private List<CellType> cells = List.of(CellType.RNN, CellType.GRU, CellType.LSTM);

    @Option(names = "--losses", split = ",", description = "losses to compare (default: ${DEFAULT-VALUE})")
    private List<TrainingConfig.Loss> losses = List.of(TrainingConfig.Loss.BCE, TrainingConfig.Loss.MSE);

    @Option(names = "--train-steps", split = ",", description = "training lengths in bits (default: ${DEFAULT-VALUE})")
    private List<Integer> trainSteps = List.of(3, 5, 10);

    @Option(names = "--seeds", split = ",", description = "seeds, one row each (default: ${DEFAULT-VALUE})")
    private List<Long> seeds = List.of(1L, 2L);

    @Option(names = "--hidden-size", description = "units of every cell (default: ${DEFAULT-VALUE})")
    private int hiddenSize = 4;

    @Option(names = "--max-iterations", description = "minibatches per run at most (default: ${DEFAULT-VALUE})")
    private int maxIterations = 600;

    @Option(names = "--evaluate-every", description = "minibatches between evaluations (default: ${DEFAULT-VALUE})")
    private int evaluateEvery = 100;

    @Option(names = "--validation-pairs", description = "uniform pairs per evaluation (default: ${DEFAULT-VALUE})")
    private int validationPairs = 20_000;

    @Option(names = "--length-samples", description = "pairs per operand length (default: ${DEFAULT-VALUE})")
    private int lengthSamples = 500;

    @Option(names = "--report", description = "Markdown file the tables go into (default: ${DEFAULT-VALUE})")
    private Path report = Path.of("docs", "experiments.md");

    @Option(names = "--plots", description = "directory of the PNG figures (default: ${DEFAULT-VALUE})")
    private Path plots = Path.of("docs", "plots");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ExperimentGrid grid;
        int runCount;
        try {
            TrainingConfig base = TrainingConfig.DEFAULT.toBuilder().hiddenSize(hiddenSize).maxIterations(maxIterations)
                    .evaluateEvery(evaluateEvery).validationPairs(validationPairs).build();
            grid = new ExperimentGrid(base, cells, losses, trainSteps, seeds, lengthSamples);
            runCount = grid.configs().size(); // builds every run's config, so that a bad value is refused now
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "%d runs: cells %s, losses %s, training lengths %s, seeds %s%n", runCount,
                cells, losses, trainSteps, seeds);
        out.flush();
        long start = System.nanoTime();
        List<ExperimentRun> runs;
        try (TrainingProgress progress = TrainingProgress.start("experiments", grid.maxIterations())) {
            long[] done = {0};
            runs = grid.run(new Trainer.Listener() {
                @Override
                public void onIteration(int iteration) {
                    progress.step(done[0] + iteration);
                }

                @Override
                public void onEvaluation(EvaluationRow row, CellWeights weights) {}
            }, run -> {
                done[0] += maxIterations;
                progress.step(done[0]);
                progress.clearLine();
                out.println(summary(run));
                out.flush();
            });
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        List<Path> figures = ExperimentPlots.write(runs, plots);
        String relativePlots = report.toAbsolutePath().getParent().relativize(plots.toAbsolutePath()).toString()
                .replace('\\', '/');
        ExperimentReport.writeInto(report, ExperimentReport.markdown(grid, runs, command(), relativePlots, elapsed));
        out.printf(Locale.ROOT, "%nwrote %s and %d figures in %s (%.1f min)%n", report, figures.size(), plots,
                elapsed / 60_000.0);
        return 0;
    }

    private static String summary(ExperimentRun run) {
        TrainingConfig c = run.config();
        return String.format(Locale.ROOT, "%-4s %-3s %2d bits seed %-3d %4d params  exact %-14s certified %-3s  "
                        + "exact at 19 bits %s, at 128 bits %s", c.cell().metadataName(), c.loss().cliName(),
                c.trainSteps(), c.seed(), run.result().weights().parameterCount(),
                run.firstExact().map(r -> "at " + r.iteration()).orElse("never"), run.certified() ? "yes" : "no",
                TrainingTable.percent(run.accuracyAt(19)), TrainingTable.percent(run.accuracyAt(128)));
    }

    private String command() {
        return PinnedNumerics.labCommand("experiments"
                + " --cells " + join(cells.stream().map(CellType::metadataName).toList())
                + " --losses " + join(losses.stream().map(TrainingConfig.Loss::cliName).toList())
                + " --train-steps " + join(trainSteps) + " --seeds " + join(seeds)
                + " --hidden-size " + hiddenSize + " --max-iterations " + maxIterations
                + " --evaluate-every " + evaluateEvery + " --validation-pairs " + validationPairs
                + " --length-samples " + lengthSamples + " --report " + report.toString().replace('\\', '/')
                + " --plots " + plots.toString().replace('\\', '/'));
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
