package io.neuraladder.train.digitserial;

import io.neuraladder.train.TrainingTable;
import io.neuraladder.train.export.OnnxExport;
import java.util.HexFormat;
import java.util.Locale;

/** Writes the Markdown model card of a digit-serial adder. */
public final class DigitSerialModelCard {

    /** Pairs per operand length in the card's accuracy table. */
    public static final int ACCURACY_SAMPLES = 500;

    private DigitSerialModelCard() {}

    /** The card for the model {@code result} trained, written as {@code fileName}. */
    public static String markdown(DigitSerialResult result, String fileName, byte[] sha256, String rebuildCommand) {
        DigitSerialConfig c = result.config();
        StringBuilder card = new StringBuilder();
        card.append("# Model card: ").append(fileName).append("\n\n");
        card.append("A ").append(c.cell().onnxOperator()).append(" with ").append(c.hiddenSize())
                .append(" hidden units that adds non-negative ")
                .append(numbers(c.radix())).append(" of any length one digit pair per step, ")
                .append("least significant digit first (inputs: both digits one-hot; output: a softmax over the sum ")
                .append("digit; one extra step for the final carry). Trained with Deeplearning4j's SameDiff (")
                .append("Gaussian noise on the state after every step) and exported to ONNX (opset ")
                .append(OnnxExport.OPSET).append(") by `").append(OnnxExport.PRODUCER).append("`.\n\n");
        card.append("**Certificate:** ").append(result.certificate().cardStatement()).append("\n\n");
        if (!result.certificate().proved()) {
            card.append("> **Not certified.** This model added every validation and confirmation pair exactly, but the "
                    + "carry certificate could not prove it exact for every input; it may be wrong on inputs no test "
                    + "tried. It was written with `--allow-uncertified`.\n\n");
        }
        card.append("| property | value |\n|---|---|\n");
        row(card, "file", "`" + fileName + "`");
        row(card, "SHA-256", "`" + HexFormat.of().formatHex(sha256) + "`");
        row(card, "parameters", result.weights().parameterCount() + " in the file");
        row(card, "cell", c.cell().onnxOperator() + ", hidden size " + c.hiddenSize() + (c.carryHint() > 0
                ? ", the gates read the previous state only as h[0] + h[1], a carry unit and a start flag "
                        + "(recurrent matrices of rank 1)"
                : c.recurrentRank() > 0
                ? ", the gates read the previous state only through its first " + c.recurrentRank()
                        + " unit(s) (recurrent matrices zero elsewhere: rank " + c.recurrentRank() + ")"
                : ""));
        row(card, "radix", Integer.toString(c.radix()));
        row(card, "output", "per-step dense layer, softmax over " + c.radix() + " digits, cross-entropy");
        row(card, "optimizer", "Adam, learning rate " + c.learningRate());
        row(card, "state noise", "Gaussian, standard deviation " + c.stateNoise());
        row(card, "batch size", Integer.toString(c.batchSize()));
        row(card, "training operands", c.trainDigits() + " digits (" + (c.trainDigits() + 1) + " steps), "
                + "half uniform, half carry-heavy" + (c.quietChains() > 0 ? " (a share " + c.quietChains()
                        + " of it quiet chains: pairs summing to " + (c.radix() - 1) + " with no carry in)" : "")
                + ", fresh each minibatch");
        String terms = trainingTerms(c);
        if (!terms.isEmpty()) {
            row(card, "training terms", terms);
        }
        row(card, "seed", Long.toString(c.seed()));
        row(card, "iterations", result.iterations() + " of at most " + c.maxIterations());
        row(card, "examples seen", Long.toString(result.examples()));
        row(card, "training time", String.format(Locale.ROOT, "%.1f s (evaluations included)",
                result.elapsedMillis() / 1000.0));
        card.append("\n## Exact sums by operand length\n\n").append(ACCURACY_SAMPLES)
                .append(" fresh pairs per length (half uniform, half carry-heavy), against `BigInteger.add`:\n\n|");
        double[] accuracy = DigitSerialAccuracy.measure(result.weights(), ACCURACY_SAMPLES, c.seed() + 1);
        for (int digits : DigitSerialAccuracy.DIGITS) {
            card.append(' ').append(digits).append(" digits |");
        }
        card.append("\n|").append("---:|".repeat(DigitSerialAccuracy.DIGITS.length)).append("\n|");
        for (double rate : accuracy) {
            card.append(' ').append(TrainingTable.percent(rate)).append(" |");
        }
        card.append("\n");
        card.append("\n## Training table\n\nValidation pairs have 1 to ").append(DigitSerialTrainer.VALIDATION_DIGITS)
                .append(" digits, ").append(c.validationPairs()).append(" uniform and as many carry-heavy per evaluation.\n\n");
        card.append("| iteration | elapsed | exact (mini-batch) | exact (uniform) | exact (carry-heavy) | certified |\n");
        card.append("|---:|---:|---:|---:|---:|---|\n");
        for (DigitSerialResult.Row r : result.rows()) {
            card.append(String.format(Locale.ROOT, "| %d | %.1f s | %s | %s | %s | %s |%n", r.iteration(),
                    r.elapsedMillis() / 1000.0, TrainingTable.percent(r.trainingExact()),
                    TrainingTable.percent(r.uniformExact()), TrainingTable.percent(r.carryHeavyExact()),
                    r.certified() ? "yes" : "no"));
        }
        card.append("\n## Certificate\n\n```\n").append(result.certificate().report()).append("```\n");
        card.append("\n## Rebuild\n\n```sh\nmvn -q install -DskipTests\n").append(rebuildCommand).append("\n```\n");
        return card.toString();
    }

    /** The loss terms and levers beyond the per-step cross-entropy, as the options that set them. */
    private static String trainingTerms(DigitSerialConfig c) {
        StringBuilder terms = new StringBuilder();
        term(terms, c.carryHint() > 0, "carry hint " + c.carryHint() + " (unit 0 told every step's carry out, "
                + "unit 1 told to be on; neither gets state noise)");
        term(terms, c.carryGain() != 1, "carry gain " + c.carryGain() + " (folded into the exported weights)");
        term(terms, c.carrySaturation() > 0, "carry saturation " + c.carrySaturation());
        term(terms, c.saturation() > 0, "saturation " + c.saturation());
        term(terms, c.preactivationNoise() > 0, "preactivation noise " + c.preactivationNoise());
        term(terms, c.recurrentDecay() > 0, "recurrent decay " + c.recurrentDecay());
        term(terms, c.forgetting() > 0, "forgetting " + c.forgetting());
        term(terms, c.intervalRadius() > 0, "interval radius " + c.intervalRadius() + ", weight "
                + c.intervalWeight());
        return terms.toString();
    }

    private static void term(StringBuilder terms, boolean present, String term) {
        if (present) {
            terms.append(terms.isEmpty() ? "" : "; ").append(term);
        }
    }

    private static String numbers(int radix) {
        return switch (radix) {
            case 10 -> "decimal numbers";
            case 16 -> "hexadecimal numbers (four bits per step)";
            default -> "base-" + radix + " numbers";
        };
    }

    private static void row(StringBuilder card, String property, String value) {
        card.append("| ").append(property).append(" | ").append(value).append(" |\n");
    }
}
