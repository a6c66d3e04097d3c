package io.neuraladder.train.cli;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.train.TrainingTable;
import io.neuraladder.train.certify.RecurrentCell;
import io.neuraladder.train.digitserial.DigitSerialConfig;
import io.neuraladder.train.digitserial.DigitSerialExport;
import io.neuraladder.train.digitserial.DigitSerialModelCard;
import io.neuraladder.train.digitserial.DigitSerialResult;
import io.neuraladder.train.digitserial.DigitSerialTrainer;
import java.io.IOException;
import java.math.BigInteger;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train-digits}: trains a digit-serial adder in any radix until it is exact and certified;
 * {@code train-decimal} is its old name.
 */
@Command(name = "train-digits", aliases = "train-decimal", mixinStandardHelpOptions = true,
        description = {"Trains a digit-serial adder in radix 3 to 36 (one digit pair per step, softmax over the sum "
                + "digit; radix 10 by default) with Deeplearning4j's SameDiff until it is exact on fresh uniform and "
                + "carry-heavy pairs of 1 to 40 digits and proved exact for every length by the carry certificate, "
                + "then writes the ONNX model and its model card (.md) beside it.", "Run with OMP_NUM_THREADS=1."})
final class TrainDigitsCommand implements Callable<Integer> {

    private static final DigitSerialConfig DEFAULTS = DigitSerialConfig.DEFAULT;
    private static final BigInteger SAMPLE_A = BigInteger.valueOf(535);
    private static final BigInteger SAMPLE_B = BigInteger.valueOf(61);

    @Spec
    private CommandSpec spec;

    @Option(names = "--radix", description = "number base, 3 to 36 (default: ${DEFAULT-VALUE})")
    private int radix = DEFAULTS.radix();

    @Option(names = "--cell", description = "rnn, gru or lstm (default: ${DEFAULT-VALUE})")
    private CellType cell = DEFAULTS.cell();

    @Option(names = "--hidden-size", description = "units of the cell (default: ${DEFAULT-VALUE})")
    private int hiddenSize = DEFAULTS.hiddenSize();

    @Option(names = "--recurrent-rank", description = "carry units: the gates read the previous state only through "
            + "its first N units (recurrent matrices of rank N); 0 for full matrices (default: ${DEFAULT-VALUE})")
    private int recurrentRank = DEFAULTS.recurrentRank();

    @Option(names = "--train-digits", description = "digits per training operand (default: ${DEFAULT-VALUE})")
    private int trainDigits = DEFAULTS.trainDigits();

    @Option(names = "--seed", description = "seed of weights and data (default: ${DEFAULT-VALUE})")
    private long seed = DEFAULTS.seed();

    @Option(names = "--batch", description = "sequences per minibatch (default: ${DEFAULT-VALUE})")
    private int batch = DEFAULTS.batchSize();

    @Option(names = "--learning-rate", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    private double learningRate = DEFAULTS.learningRate();

    @Option(names = "--state-noise", description = "std. dev. of the noise on the state (default: ${DEFAULT-VALUE})")
    private double stateNoise = DEFAULTS.stateNoise();

    @Option(names = "--max-iterations", description = "give up after this many minibatches (default: ${DEFAULT-VALUE})")
    private int maxIterations = DEFAULTS.maxIterations();

    @Option(names = "--evaluate-every", description = "minibatches between evaluations (default: ${DEFAULT-VALUE})")
    private int evaluateEvery = DEFAULTS.evaluateEvery();

    @Option(names = "--validation-pairs", description = "fresh uniform and carry-heavy pairs per evaluation "
            + "(default: ${DEFAULT-VALUE})")
    private int validationPairs = DEFAULTS.validationPairs();

    @Option(names = "--saturation", description = "weight of a penalty on unsaturated hidden units (mean of 1 - h²), "
            + "which makes the step contract so that the certificate's boxes close (default: ${DEFAULT-VALUE})")
    private double saturation = DEFAULTS.saturation();

    @Option(names = "--preactivation-noise", description = "std. dev. of noise added before the candidate state's tanh, "
            + "which makes units saturate (default: ${DEFAULT-VALUE})")
    private double preactivationNoise = DEFAULTS.preactivationNoise();

    @Option(names = "--recurrent-decay", description = "weight of a penalty on the squared recurrent weights, so that "
            + "a step forgets earlier digits (default: ${DEFAULT-VALUE})")
    private double recurrentDecay = DEFAULTS.recurrentDecay();

    @Option(names = "--forgetting", description = "weight of a penalty on the state difference of sums that agree from "
            + "some step on but differ before, so that a step forgets earlier digits (default: ${DEFAULT-VALUE})")
    private double forgetting = DEFAULTS.forgetting();

    @Option(names = "--carry-saturation", description = "weight of a penalty on the carry units (the first "
            + "--recurrent-rank units, which the next step reads) being away from ±1 (default: ${DEFAULT-VALUE})")
    private double carrySaturation = DEFAULTS.carrySaturation();

    @Option(names = "--carry-gain", description = "factor on the carry units' preactivations, so that their "
            + "thresholds grow large weights sooner (needs --recurrent-rank; default: ${DEFAULT-VALUE})")
    private double carryGain = DEFAULTS.carryGain();

    @Option(names = "--interval-radius", description = "half-width of the box around every state that interval "
            + "training steps: the loss asks that the box's interval image contract and fix the sum digit, as the "
            + "certificate checks (rnn only; default: ${DEFAULT-VALUE}, off)")
    private double intervalRadius = DEFAULTS.intervalRadius();

    @Option(names = "--interval-weight", description = "weight of the interval training terms (default: ${DEFAULT-VALUE})")
    private double intervalWeight = DEFAULTS.intervalWeight();

    @Option(names = "--quiet-chains", description = "share of each minibatch's carry-heavy half drawn as quiet chains: "
            + "digit pairs summing to radix - 1 with no carry into them, which uniform digits almost never give in "
            + "radix 16 (default: ${DEFAULT-VALUE})")
    private double quietChains = DEFAULTS.quietChains();

    @Option(names = "--carry-hint", description = "weight of a cross-entropy that tells the first carry unit the "
            + "carry out of every step, so that the next step reads a clean carry (needs --recurrent-rank; default: "
            + "${DEFAULT-VALUE}, off)")
    private double carryHint = DEFAULTS.carryHint();

    @Option(names = "--allow-uncertified", description = "when the budget runs out without a certificate, still write "
            + "the last model if it is exact on every validation and confirmation pair; its card and metadata say it "
            + "is not certified")
    private boolean allowUncertified;

    @Option(names = {"-o", "--output"}, description = "model file to write (default: models/decimal/adder-decimal.onnx "
            + "for radix 10, models/radix<R>/adder-radix<R>.onnx otherwise)")
    private Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DigitSerialConfig config;
        try {
            config = new DigitSerialConfig(radix, cell, hiddenSize, recurrentRank, trainDigits, seed, batch,
                    learningRate, stateNoise, maxIterations, evaluateEvery, validationPairs, saturation,
                    preactivationNoise, recurrentDecay, forgetting, carrySaturation, carryGain, intervalRadius,
                    intervalWeight, quietChains, carryHint);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (output == null) {
            output = radix == DigitSerialContract.DECIMAL ? Path.of("models", "decimal", "adder-decimal.onnx")
                    : Path.of("models", "radix" + radix, "adder-radix" + radix + ".onnx");
        }
        out.printf("training %s%n%n%9s  %8s  %16s  %15s  %19s  %9s%n", config, "iteration", "elapsed",
                "exact mini-batch", "exact uniform", "exact carry-heavy", "certified");
        out.flush();
        DigitSerialResult result;
        try (TrainingProgress progress = TrainingProgress.start("train-digits", config.maxIterations())) {
            result = new DigitSerialTrainer(config, !allowUncertified, progress::step, row -> {
                progress.clearLine();
                out.printf(Locale.ROOT, "%9d  %7.1fs  %16s  %15s  %19s  %9s%n", row.iteration(),
                        row.elapsedMillis() / 1000.0, TrainingTable.percent(row.trainingExact()),
                        TrainingTable.percent(row.uniformExact()), TrainingTable.percent(row.carryHeavyExact()),
                        row.certified() ? "yes" : "no");
                out.flush();
            }).train();
        }
        if (!result.succeeded() && !(allowUncertified && result.exact())) {
            err.printf(Locale.ROOT, "%nthe model is not exact and certified after %d iterations (%.1f s); nothing "
                    + "was written. Try a larger --max-iterations or another --seed.%n  certificate: %s%n",
                    result.iterations(), result.elapsedMillis() / 1000.0, result.certificate().summary());
            return 1;
        }
        DigitSerialExport.write(result, output);
        byte[] sha256 = ModelFiles.sha256(output);
        String name = output.getFileName().toString();
        Path card = ModelFiles.card(output);
        Files.writeString(card, DigitSerialModelCard.markdown(result, name, sha256, rebuildCommand(config)),
                StandardCharsets.UTF_8);
        RecurrentCell sample = RecurrentCell.of(result.weights());
        out.printf(Locale.ROOT, "%n" + (result.succeeded() ? "certified and exact" : "exact on every sample, NOT certified")
                + " after %d iterations (%d examples, %.1f s)%ncertificate: %s%n"
                + "  Q %s+%s  T %s  ☑ %s%nwrote %s (sha256 %s)%nwrote %s%n", result.iterations(), result.examples(),
                result.elapsedMillis() / 1000.0, result.certificate().summary(), SAMPLE_A.toString(radix),
                SAMPLE_B.toString(radix), SAMPLE_A.add(SAMPLE_B).toString(radix),
                sample.addDigits(SAMPLE_A.toString(radix), SAMPLE_B.toString(radix)).replaceFirst("^0+(?=.)", ""),
                output, HexFormat.of().formatHex(sha256), card);
        return 0;
    }

    private String rebuildCommand(DigitSerialConfig c) {
        return String.format(Locale.ROOT, "OMP_NUM_THREADS=1 mvn -q -pl adder-train exec:java -Dexec.args=\""
                + "train-digits%s --cell %s --hidden-size %d --recurrent-rank %d --train-digits %d --seed %d --batch %d --learning-rate %s "
                + "--state-noise %s --max-iterations %d --evaluate-every %d --validation-pairs %d%s%s%s%s%s%s%s%s%s%s --output %s\"",
                c.radix() == DigitSerialContract.DECIMAL ? "" : " --radix " + c.radix(), c.cell().metadataName(),
                c.hiddenSize(), c.recurrentRank(), c.trainDigits(), c.seed(), c.batchSize(),
                c.learningRate(), c.stateNoise(), c.maxIterations(), c.evaluateEvery(), c.validationPairs(),
                c.saturation() > 0 ? " --saturation " + c.saturation() : "",
                c.preactivationNoise() > 0 ? " --preactivation-noise " + c.preactivationNoise() : "",
                c.recurrentDecay() > 0 ? " --recurrent-decay " + c.recurrentDecay() : "",
                c.forgetting() > 0 ? " --forgetting " + c.forgetting() : "",
                c.carrySaturation() > 0 ? " --carry-saturation " + c.carrySaturation() : "",
                c.carryGain() != 1 ? " --carry-gain " + c.carryGain() : "",
                c.intervalRadius() > 0 ? " --interval-radius " + c.intervalRadius() + " --interval-weight "
                        + c.intervalWeight() : "",
                c.quietChains() > 0 ? " --quiet-chains " + c.quietChains() : "",
                c.carryHint() > 0 ? " --carry-hint " + c.carryHint() : "",
                allowUncertified ? " --allow-uncertified" : "", output.toString().replace('\\', '/'));
    }
}
