package io.neuraladder.train;

/** Model cards as tests compare them: what changes from run to run (wall-clock times) blanked. */
public final class CardText {

    private CardText() {}

    /** A card with its wall-clock figures (training time, the table's elapsed column, the search's time) blanked. */
    public static String withoutTimings(String card) {
        return card.replaceAll("\\d+\\.\\d s \\(evaluations included\\)", "_ s (evaluations included)")
                .replaceAll("\\| \\d+\\.\\ds \\|", "| _s |")
                .replaceAll("time: \\d+ ms", "time: _ ms");
    }
}
