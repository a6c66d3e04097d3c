package io.neuraladder.train.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over a training run's minibatches on the terminal's standard error, or nothing
 * when there is no terminal (pipes, CI logs), so that logs hold only the training table.
 */
final class TrainingProgress implements AutoCloseable {

    private final ProgressBar bar;

    private TrainingProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar named {@code task} up to {@code total} steps, when a terminal is attached. */
    static TrainingProgress start(String task, long total) {
        if (System.console() == null) {
            return new TrainingProgress(null);
        }
        return new TrainingProgress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .build());
    }

    /** Moves the bar to {@code done} steps. */
    void step(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Erases the bar's line so that a table row can be printed in its place; it redraws itself. */
    void clearLine() {
        if (bar != null) {
            System.err.print("\r\033[2K");
            System.err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
