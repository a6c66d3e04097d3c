package io.neuraladder.train;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.train.export.OnnxExport;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;

/** Writes the Markdown model card that sits beside every model in {@code models/}. */
public final class ModelCard {

    private ModelCard() {}

    /** The card beside {@code model}: {@code adder.onnx} → {@code adder.md}. */
    public static Path path(Path model) {
        String name = model.getFileName().toString();
        String base = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
        return model.resolveSibling(base + ".md");
    }

    /**
     * The card for a model trained by {@code result}.
     *
     * @param fileName the model's file name
     * @param sha256 the SHA-256 of the model file
     * @param rebuildCommand the exact command that rebuilds the file
     */
    public static String markdown(TrainingResult result, String fileName, byte[] sha256, String rebuildCommand) {
        TrainingConfig c = result.config();
        TrainingResult.Confirmation f = result.confirmation();
        boolean shutGate = c.method() == TrainingConfig.Method.CERTIFIABLE && c.cell() != CellType.RNN;
        String gateName = c.cell() == CellType.GRU ? "update" : "forget";
        String unit = c.binary() ? "bit" : "digit";
        StringBuilder card = new StringBuilder();
        card.append("# Model card: ").append(fileName).append("\n\n");
        card.append(c.cell() == CellType.RNN ? "An " : "A ").append(c.cell().onnxOperator()).append(" with ")
                .append(c.hiddenSize()).append(" hidden units that ").append(c.operator().verb()).append(" ")
                .append(numbers(c)).append(" one ").append(unit).append(c.binary() ? " per step" : " pair per step")
                .append(", least significant first (model contract version ").append(ModelContract.VERSION)
                .append(c.binary() ? "" : "; inputs: both digits one-hot; output: a softmax over the output digit; one "
                        + "extra step for the final " + c.operator().stateName()).append("). Trained with Deeplearning4j")
                .append(c.method() == TrainingConfig.Method.CERTIFIABLE
                        ? "'s SameDiff (" + (shutGate ? gateName + " gate held shut, " : "")
                                + "Gaussian noise on the state after every step)" : "")
                .append(" and exported to ONNX (opset ").append(OnnxExport.OPSET).append(") by `")
                .append(OnnxExport.PRODUCER).append("`.\n\n");
        card.append("**Certificate:** ").append(result.certificate().cardStatement()).append("\n\n");
        card.append("| property | value |\n|---|---|\n");
        row(card, "file", "`" + fileName + "`");
        row(card, "SHA-256", "`" + HexFormat.of().formatHex(sha256) + "`");
        row(card, "parameters", result.weights().parameterCount() + " in the file"
                + (shutGate ? " (the " + gateName + " gate's " + (result.weights().inputs() + c.hiddenSize() + 1)
                        * c.hiddenSize() + " are fixed: weights 0, bias " + SameDiffCell.SHUT_GATE_BIAS + ")" : ""));
        row(card, "operator", c.operator().metadataName() + ", radix " + c.radix());
        row(card, "training method", c.method().cliName());
        row(card, "cell", switch (c.cell()) {
            case RNN -> "Elman RNN (ONNX RNN), tanh";
            case GRU -> "GRU (ONNX GRU, linear_before_reset 0), sigmoid gates, tanh";
            case GRU_LINEAR_BEFORE_RESET -> "GRU as PyTorch's (ONNX GRU, linear_before_reset 1), sigmoid gates, tanh";
            case LSTM -> "LSTM (ONNX LSTM, no peepholes), sigmoid gates, tanh";
        } + ", hidden size " + c.hiddenSize() + (c.carryHint() > 0
                ? ", the gates read the previous state only as h[0] + h[1], a carry unit and a start flag "
                        + "(recurrent matrices of rank 1)"
                : c.recurrentRank() > 0 ? ", the gates read the previous state only through its first "
                        + c.recurrentRank() + " unit(s) (recurrent matrices of rank " + c.recurrentRank() + ")" : ""));
        row(card, "output", c.binary() ? "per-step dense layer, 1 sigmoid unit"
                : "per-step dense layer, softmax over " + c.radix() + " digits");
        row(card, "loss", !c.binary() ? "softmax cross-entropy" : c.loss() == TrainingConfig.Loss.BCE
                ? "binary cross-entropy" : "mean squared error of the probability");
        String terms = carryTerms(c);
        if (!terms.isEmpty()) {
            row(card, "carry terms", terms);
        }
        row(card, "optimizer", "Adam, learning rate " + c.learningRate());
        if (c.method() == TrainingConfig.Method.CERTIFIABLE) {
            row(card, "state noise", "Gaussian, standard deviation " + c.stateNoise() + ", on "
                    + (c.cell().hasCellState() ? "h and c" : "h") + " after every step");
        }
        row(card, "batch size", Integer.toString(c.batchSize()));
        row(card, "training sequence length", c.binary() ? c.trainSteps() + " bits (validated at 32)"
                : c.trainDigits() + " digits (" + c.trainSteps() + " steps; validated on 1 to "
                        + OperandSets.VALIDATION_DIGITS + " digits)");
        row(card, "training data", "fresh each minibatch: half uniform random pairs, half "
                + c.operator().chainHeavyName() + " pairs" + (c.quietChains() > 0 ? " (a share " + c.quietChains()
                        + " of them quiet chains: pairs that pass a " + c.operator().stateName() + " on, with no "
                        + c.operator().stateName() + " in)" : ""));
        row(card, "seed", Long.toString(c.seed()));
        row(card, "iterations", result.iterations() + " of at most " + c.maxIterations());
        row(card, "examples seen", Long.toString(result.examples()));
        row(card, "training time", String.format(Locale.ROOT, "%.1f s (evaluations included)",
                result.elapsedMillis() / 1000.0));
        card.append("\n## Final validation\n\n");
        card.append("| set | pairs | exact | ").append(unit).append(" accuracy |\n|---|---:|---:|---:|\n");
        score(card, "fresh uniform random pairs", f.random());
        score(card, "every pair of edge values", f.edge());
        score(card, "fresh " + c.operator().chainHeavyName() + " pairs", f.carryHeavy());
        card.append("\n## Training table\n\nOne row per evaluation (every ").append(c.evaluateEvery())
                .append(" minibatches). Validation sets are fresh each time: ")
                .append(OperandSets.of(c).description()).append(".\n\n");
        card.append(TrainingTable.markdown(c.operator(), result.rows()));
        card.append("\n## Certificate\n\n```\n").append(result.certificate().report()).append("```\n");
        card.append("\n## Rebuild\n\n```sh\nmvn -q install -DskipTests\n").append(rebuildCommand).append("\n```\n");
        return card.toString();
    }

    private static String numbers(TrainingConfig c) {
        return switch (c.radix()) {
            case 2 -> "two's-complement integers";
            case 10 -> "non-negative decimal numbers of any length";
            case 16 -> "non-negative hexadecimal numbers of any length (four bits per step)";
            default -> "non-negative base-" + c.radix() + " numbers of any length";
        };
    }

    /** The carry units' training terms, as the options that set them. */
    private static String carryTerms(TrainingConfig c) {
        StringBuilder terms = new StringBuilder();
        if (c.carryHint() > 0) {
            terms.append("carry hint ").append(c.carryHint()).append(" (unit 0 told every step's ")
                    .append(c.operator().stateName()).append(" out, unit 1 told to be on; neither gets state noise)");
        }
        if (c.carryGain() != 1) {
            terms.append(terms.isEmpty() ? "" : "; ").append("carry gain ").append(c.carryGain())
                    .append(" (folded into the exported weights)");
        }
        if (c.carrySaturation() > 0) {
            terms.append(terms.isEmpty() ? "" : "; ").append("carry saturation ").append(c.carrySaturation());
        }
        return terms.toString();
    }

    private static void row(StringBuilder card, String property, String value) {
        card.append("| ").append(property).append(" | ").append(value).append(" |\n");
    }

    private static void score(StringBuilder card, String set, ValidationScore score) {
        card.append("| ").append(set).append(" | ").append(score.pairs()).append(" | ")
                .append(TrainingTable.percent(score.exactRate())).append(" | ")
                .append(TrainingTable.percent(score.bitAccuracy())).append(" |\n");
    }
}
