package io.neuraladder.train;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The columns of the training table, rendered as aligned text for a terminal or as Markdown. */
public final class TrainingTable {

    private record Column(String header, int width, Function<EvaluationRow, String> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("epoch", 5, r -> Integer.toString(r.epoch())),
            new Column("iteration", 9, r -> Integer.toString(r.iteration())),
            new Column("elapsed", 8, r -> String.format(Locale.ROOT, "%.1fs", r.elapsedMillis() / 1000.0)),
            new Column("mini-batch exact", 16, r -> percent(r.miniBatchExact())),
            new Column("val bit acc", 11, r -> percent(r.random().bitAccuracy())),
            new Column("exact random", 12, r -> percent(r.random().exactRate())),
            new Column("exact edge", 10, r -> percent(r.edge().exactRate())),
            new Column("exact carry", 11, r -> percent(r.carryHeavy().exactRate())),
            new Column("loss", 8, r -> String.format(Locale.ROOT, "%.5f", r.loss())),
            new Column("val loss", 8, r -> String.format(Locale.ROOT, "%.5f", r.validationLoss())),
            new Column("lr", 6, r -> String.format(Locale.ROOT, "%.4f", r.learningRate())),
            new Column("certified", 9, r -> r.certified() ? "yes" : "no"));

    private TrainingTable() {}

    /** The header line for {@link #textRow}. */
    public static String textHeader() {
        return COLUMNS.stream().map(c -> pad(c.header(), c.width())).collect(Collectors.joining("  "));
    }

    /** One row aligned under {@link #textHeader()}. */
    public static String textRow(EvaluationRow row) {
        return COLUMNS.stream().map(c -> pad(c.value().apply(row), c.width())).collect(Collectors.joining("  "));
    }

    /** The whole table as Markdown. */
    public static String markdown(List<EvaluationRow> rows) {
        StringBuilder table = new StringBuilder();
        table.append(COLUMNS.stream().map(Column::header).collect(Collectors.joining(" | ", "| ", " |\n")));
        table.append(COLUMNS.stream().map(c -> "---:").collect(Collectors.joining(" | ", "| ", " |\n")));
        for (EvaluationRow row : rows) {
            table.append(COLUMNS.stream().map(c -> c.value().apply(row)).collect(Collectors.joining(" | ", "| ", " |\n")));
        }
        return table.toString();
    }

    /** A share as a percentage with three decimals, e.g. {@code 99.997%}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.3f%%", 100 * share);
    }

    private static String pad(String value, int width) {
        return " ".repeat(Math.max(0, width - value.length())) + value;
    }
}
