package io.neuraladder.train.imports;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.imports.AdderImport.Outcome;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The model card written beside an imported model: the verdict first, then its evidence and the source. */
final class ImportCard {

    /** Why an LSTM is likely to stay UNKNOWN, as measured when the importer was written. */
    static final String LSTM_UNKNOWN = "This version proves none of the LSTMs trained by PyTorch that were measured "
            + "while it was written. Of the 9 that were right on every sample, 2 were refuted by long runs of one pair "
            + "and 7 stay unknown: most keep slow, saturated cell-state components (a forget gate near 1) that count "
            + "how long a run lasts, and a cover's pieces multiply. RNN and GRU adders have been proved. "
            + "The measurements: docs/import-research.md in the neural-adder repository.";

    private ImportCard() {}

    static String text(Outcome outcome) {
        ImportedAdder adder = outcome.adder();
        Operator operator = outcome.operator();
        StringBuilder card = new StringBuilder();
        card.append("# Model card: ").append(outcome.output().getFileName()).append("\n\n");
        card.append("**Verdict:** ").append(outcome.headline()).append("\n\n");
        card.append("Imported by `adder-train import` from `").append(Path.of(adder.source()).getFileName())
                .append("`, ").append(operator.withArticle()).append(" trained elsewhere: ").append(adder.describe())
                .append(".\n\n");
        card.append("| property | value |\n|---|---|\n");
        card.append("| source file | `").append(Path.of(adder.source()).getFileName()).append("` |\n");
        card.append("| source SHA-256 | `").append(adder.sha256()).append("` |\n");
        card.append("| source producer | ").append(adder.producer()).append(" |\n");
        card.append("| operator | ").append(operator.metadataName()).append(", radix 2, feature 0 the first operand |\n");
        card.append("| cell | ").append(adder.weights().cell().metadataName()).append(", hidden size ")
                .append(adder.weights().hidden()).append(" |\n");
        card.append("| head | ").append(adder.head().equals("sigmoid") ? "linear, then sigmoid: bit 1 where the "
                + "probability is above 0.5 (logit above 0)" : "linear: bit 1 where the output is above 0.5, written "
                + "as a logit with the bias lowered by 0.5").append(" |\n");
        card.append("| layout in the source | ").append(adder.batchFirst() ? "batch first" : "time major").append(" |\n\n");
        switch (outcome.verdict()) {
            case PROVED -> card.append("The certificate is embedded in the file; the runtime checks it at every load and "
                    + "serves the file like the project's own models.\n\n");
            case REFUTED -> appendCounterexample(card, outcome.counterexample().orElseThrow(), operator);
            case UNKNOWN -> {
                card.append("The certificate search did not close and the counterexample search found no "
                        + "wrong answer. The runtime refuses the file unless uncertified models are allowed.");
                if (adder.weights().cell() == CellType.LSTM) {
                    card.append(" " + LSTM_UNKNOWN);
                }
                card.append("\n\n");
            }
        }
        card.append("## How slowly it forgets\n\n").append(forgetting(outcome.forgetting())).append("\n\n");
        card.append("## Certificate search: boxes\n\n```\n").append(outcome.certificate().report()).append("```\n\n");
        outcome.cover().ifPresent(cover -> card.append("## Certificate search: a cover by pieces\n\n")
                .append(cover.summary()).append(String.format(Locale.ROOT, " (%,d pieces made, %,d stepped; "
                        + "history %d, strings of %d pairs, radii grown %.2f× plus %.0e).%n%n", cover.pieces(),
                        cover.processed(), cover.settings().history(), cover.settings().steps(),
                        cover.settings().grow(), cover.settings().minRadius())));
        card.append("## Rebuild\n\n```sh\nadder-train/bin/adder-train import ").append(adder.source())
                .append(" --output ").append(outcome.output())
                .append(operator == Operator.ADD ? "" : " --operator " + operator.cliName()).append("\n```\n");
        return card.toString();
    }

    private static String forgetting(SlowestCycle slowest) {
        return String.format(Locale.ROOT, "Of every cycle of one to four bit pairs, repeated from the zero state, "
                + "`%s` shrinks a small change of state the least: by the factor %.3f per pair (the spectral radius "
                + "of the cycle's Jacobian at the state %d repetitions reach, per pair). Every network proved so far "
                + "(RNNs and GRUs, by boxes or by a cover) has its slowest cycle at %.2f or below; no LSTM is proved "
                + "yet, and the exact networks left unknown measured 0.766 to 0.997 (docs/import-research.md in the "
                + "neural-adder repository).",
                slowest.cycle(), slowest.radiusPerPair(), SlowestCycle.REPETITIONS, SlowestCycle.PROVED_SO_FAR);
    }

    private static void appendCounterexample(StringBuilder card, Counterexample c, Operator operator) {
        card.append("## Counterexample\n\n");
        card.append("`").append(c.call()).append("` on this file, through ONNX Runtime, with uncertified models allowed:\n\n");
        String method = c.call().substring(0, c.call().indexOf('('));
        card.append("```java\n").append(operator == Operator.ADD ? "adder." : "subtractor.").append(method).append("(")
                .append(literal(c.a(), c.call())).append(", ").append(literal(c.b(), c.call())).append(")   // ")
                .append(c.networkGives()).append("; exactly ").append(c.exact()).append("\n```\n\n");
        card.append("The bit at position ").append(c.candidate().wrongAt()).append(" is wrong (found by the search over ")
                .append(c.candidate().found()).append("). The operands' bits, least significant first:\n\n");
        card.append("    a: ").append(bits(c.candidate().a())).append("\n    b: ").append(bits(c.candidate().b()))
                .append("\n\n");
    }

    private static String literal(String decimal, String call) {
        if (call.contains("BigInteger")) {
            return "new BigInteger(\"" + decimal + "\")";
        }
        return call.contains("long") ? decimal + "L" : decimal;
    }

    private static String bits(int[] bits) {
        return Arrays.stream(bits).mapToObj(Integer::toString).collect(Collectors.joining());
    }
}
