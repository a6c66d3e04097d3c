package io.neuraladder.train;

import io.neuraladder.contract.Operator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The columns of the training table, rendered as aligned text for a terminal or as Markdown. */
public final class TrainingTable {

    private record Column(Function<Operator, String> header, int width, Function<EvaluationRow, String> value) {

        Column(String header, int width, Function<EvaluationRow, String> value) {
            this(operator -> header, width, value);
        }
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("epoch", 5, r -> Integer.toString(r.epoch())),
            new Column("iteration", 9, r -> Integer.toString(r.iteration())),
            new Column("elapsed", 8, r -> String.format(Locale.ROOT, "%.1fs", r.elapsedMillis() / 1000.0)),
            new Column("mini-batch exact", 16, r -> percent(r.miniBatchExact())),
            new Column("val bit acc", 11, r -> percent(r.random().bitAccuracy())),
            new Column("exact random", 12, r -> percent(r.random().exactRate())),
            new Column("exact edge", 10, r -> percent(r.edge().exactRate())),
            new Column(operator -> "exact " + operator.stateName(), 12, r -> percent(r.carryHeavy().exactRate())),
            new Column("loss", 8, r -> String.format(Locale.ROOT, "%.5f", r.loss())),
            new Column("val loss", 8, r -> String.format(Locale.ROOT, "%.5f", r.validationLoss())),
            new Column("lr", 6, r -> String.format(Locale.ROOT, "%.4f", r.learningRate())),
            new Column("certified", 9, r -> r.certified() ? "yes" : "no"));

    private TrainingTable() {}

    /** The header line for {@link #textRow}, its chain column named by {@code operator}'s state (carry, borrow). */
    public static String textHeader(Operator operator) {
        return COLUMNS.stream().map(c -> pad(c.header().apply(operator), c.width())).collect(Collectors.joining("  "));
    }

    /** One row aligned under {@link #textHeader(Operator)}. */
    public static String textRow(EvaluationRow row) {
        return COLUMNS.stream().map(c -> pad(c.value().apply(row), c.width())).collect(Collectors.joining("  "));
    }

    /** The whole table as Markdown, its chain column named by {@code operator}'s state. */
    public static String markdown(Operator operator, List<EvaluationRow> rows) {
        StringBuilder table = new StringBuilder();
        table.append(COLUMNS.stream().map(c -> c.header().apply(operator)).collect(Collectors.joining(" | ", "| ", " |\n")));
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
