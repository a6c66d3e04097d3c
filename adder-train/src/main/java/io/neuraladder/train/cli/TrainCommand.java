package io.neuraladder.train.cli;

import io.neuraladder.contract.CellType;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.EvaluationRow;
import io.neuraladder.train.Learner;
import io.neuraladder.train.ModelCard;
import io.neuraladder.train.PinnedNumerics;
import io.neuraladder.train.Trainer;
import io.neuraladder.train.TrainingConfig;
import io.neuraladder.train.TrainingResult;
import io.neuraladder.train.TrainingTable;
import io.neuraladder.train.export.OnnxExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a model of any operator and radix until it is exact (and, by default,
 * certified by the runtime's kernel), then writes it and its model card. {@code train-digits} and
 * {@code train-decimal} are its old names for radix 10 ({@link AdderCli#route}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a recurrent model with Deeplearning4j until it is exact on fresh uniform, edge and "
                + "carry-heavy pairs and (with --method certifiable, the default) its certificate, found by the carry "
                + "certificate search, is accepted by the runtime's kernel; then writes the ONNX model and its model "
                + "card (.md) beside it. Radix 2 is the bit-serial contract (ints); radix 3 to 36 add digit strings.",
                "Options left out take the radix's defaults (radix 2: a quick 8-unit RNN; other radixes: the "
                        + "shipped decimal model's recipe).",
                "Run it through adder-train/bin/adder-train, which pins ND4J's kernels and threads ("
                        + "PinnedNumerics) so that the same options give the same file on any x86-64 CPU with AVX2."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--operator", description = "add or subtract (default: add)")
    private Operator operator;

    @Option(names = "--radix", description = "number base: 2 (bits, the int API) or 3..36 (default: 2)")
    private Integer radix;

    @Option(names = "--method", completionCandidates = AvailableMethods.class, description = "certifiable "
            + "(SameDiff, shut forget gate, state noise; must certify; the default); where the lab is on the classpath "
            + "also plain (its DL4J LSTM layer baseline, radix 2 only; must be exact on samples). Here: "
            + "${COMPLETION-CANDIDATES}")
    private TrainingConfig.Method method;

    @Option(names = "--cell", description = "rnn, gru or lstm, run by ONNX's operator of that name "
            + "(default: rnn; lstm with --method plain)")
    private CellType cell;

    @Option(names = "--loss", description = "radix 2: bce (binary cross-entropy) or mse (squared error of the "
            + "probability) (default: bce)")
    private TrainingConfig.Loss loss;

    @Option(names = "--hidden-size", description = "units of the cell (default: 8 in radix 2, 24 otherwise)")
    private Integer hiddenSize;

    @Option(names = "--recurrent-rank", description = "carry units: the gates read the previous state only through "
            + "its first N units (recurrent matrices of rank N); 0 for full matrices (default: 0)")
    private Integer recurrentRank;

    @Option(names = {"--train-digits", "--train-steps", "--steps"}, description = "digits (bits) per training "
            + "operand (default: 8)")
    private Integer trainDigits;

    @Option(names = "--seed", description = "seed of weights and data (default: 1)")
    private Long seed;

    @Option(names = "--batch", description = "sequences per minibatch (default: 256)")
    private Integer batch;

    @Option(names = "--learning-rate", description = "Adam learning rate (default: 0.1 in radix 2, 0.02 otherwise)")
    private Double learningRate;

    @Option(names = "--state-noise", description = "std. dev. of the noise on h and c, certifiable method "
            + "(default: 0.3)")
    private Double stateNoise;

    @Option(names = "--max-iterations", description = "give up after this many minibatches (default: 1000 in radix "
            + "2, 4000 otherwise)")
    private Integer maxIterations;

    @Option(names = "--evaluate-every", description = "minibatches between evaluations (default: 25 in radix 2, 250 "
            + "otherwise)")
    private Integer evaluateEvery;

    @Option(names = "--validation-pairs", description = "fresh uniform pairs per evaluation (default: 10000 in radix "
            + "2, 2000 otherwise)")
    private Integer validationPairs;

    @Option(names = "--quiet-chains", description = "share of each minibatch's carry-heavy half drawn as quiet chains: "
            + "digit pairs summing to radix - 1 with no carry into them (digit-serial radixes; default: 0)")
    private Double quietChains;

    @Option(names = "--carry-hint", description = "weight of a cross-entropy that tells the carry unit the state "
            + "after every step (needs --recurrent-rank 1; default: 0, off)")
    private Double carryHint;

    @Option(names = "--carry-gain", description = "factor on the carry units' preactivations (needs "
            + "--recurrent-rank; default: 1)")
    private Double carryGain;

    @Option(names = "--carry-saturation", description = "weight of a penalty on the carry units being away from ±1 "
            + "(needs --recurrent-rank; default: 0)")
    private Double carrySaturation;

    @Option(names = {"-o", "--output"}, description = "model file to write (default: my-adder.onnx in radix 2, "
            + "models/decimal/adder-decimal.onnx in radix 10, models/radix<R>/adder-radix<R>.onnx otherwise; "
            + "'subtractor' in place of 'adder' for --operator subtract)")
    private Path output;

    /** The methods this classpath can train with: the product's, and the lab's where it is present. */
    static final class AvailableMethods implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TrainingConfig.Method.values()).filter(Learner::available)
                    .map(TrainingConfig.Method::cliName).iterator();
        }
    }

    /** The configuration: the radix's defaults, with every option given replacing its value. */
    TrainingConfig config() {
        if (method != null && !Learner.available(method)) {
            throw new IllegalArgumentException("--method " + method.cliName() + " is the lab's and is not on this "
                    + "classpath; this build trains with: " + String.join(", ", new AvailableMethods())
                    + ". Run the lab through Maven: " + PinnedNumerics.labCommand("train --method " + method.cliName()
                    + " ..."));
        }
        int r = radix != null ? radix : 2;
        TrainingConfig defaults = r == 2 || DigitSerialContract.isDefined(r) ? TrainingConfig.defaults(r)
                : TrainingConfig.DEFAULT;
        TrainingConfig.Builder b = defaults.toBuilder().radix(r);
        if (method == TrainingConfig.Method.PLAIN && cell == null) {
            b.cell(CellType.LSTM);
        }
        set(method, b::method);
        set(operator, b::operator);
        set(cell, b::cell);
        set(loss, b::loss);
        set(hiddenSize, b::hiddenSize);
        set(recurrentRank, b::recurrentRank);
        set(trainDigits, b::trainDigits);
        set(seed, b::seed);
        set(batch, b::batchSize);
        set(learningRate, b::learningRate);
        set(stateNoise, b::stateNoise);
        set(maxIterations, b::maxIterations);
        set(evaluateEvery, b::evaluateEvery);
        set(validationPairs, b::validationPairs);
        set(quietChains, b::quietChains);
        set(carryHint, b::carryHint);
        set(carryGain, b::carryGain);
        set(carrySaturation, b::carrySaturation);
        return b.build();
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (output == null) {
            String model = config.operator().noun();
            output = config.binary() ? Path.of("my-" + model + ".onnx")
                    : config.radix() == DigitSerialContract.DECIMAL ? Path.of("models", "decimal", model + "-decimal.onnx")
                    : Path.of("models", "radix" + config.radix(), model + "-radix" + config.radix() + ".onnx");
        }
        PinnedNumerics.whyUnsupported().or(PinnedNumerics::whyNotPinned)
                .ifPresent(why -> err.println("note: " + why));
        out.printf("training %s%n%n%s%n", config, TrainingTable.textHeader(config.operator()));
        out.flush();
        TrainingResult result;
        try (TrainingProgress progress = TrainingProgress.start("train " + config.operator().cliName() + " radix "
                + config.radix(), config.maxIterations())) {
            result = new Trainer(config, listener(out, progress, config.operator())).train();
        }

        if (!result.succeeded()) {
            err.printf("%nthe model is not %s after %d iterations (%.1f s); nothing was written. "
                    + "Try a larger --max-iterations or another --seed.%n  certificate: %s%n",
                    exactWhenStopped(result) ? "certified" : "exact", result.iterations(), result.elapsedMillis() / 1000.0,
                    result.certificate().summary());
            return 1;
        }
        OnnxExport.write(result, output);
        byte[] sha256 = ModelFiles.sha256(output);
        Path card = ModelFiles.card(output);
        Files.writeString(card, ModelCard.markdown(result, output.getFileName().toString(), sha256,
                rebuildCommand(config, output)), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%n%s after %d iterations (%d examples, %.1f s)%ncertificate: %s%n"
                + "wrote %s (sha256 %s)%nwrote %s%n", result.certified() ? "certified and exact" : "exact",
                result.iterations(), result.examples(), result.elapsedMillis() / 1000.0,
                result.certificate().summary(), output,
                HexFormat.of().formatHex(sha256), card);
        return 0;
    }

    /** Prints a table row per evaluation and the confirmation, and moves the bar. */
    private static Trainer.Listener listener(PrintWriter out, TrainingProgress progress, Operator operator) {
        return new Trainer.Listener() {
            @Override
            public void onIteration(int iteration) {
                progress.step(iteration);
            }

            @Override
            public void onEvaluation(EvaluationRow row, CellWeights weights) {
                progress.clearLine();
                out.println(TrainingTable.textRow(row));
                out.flush();
            }

            @Override
            public void onConfirmation(TrainingResult.Confirmation confirmation) {
                progress.clearLine();
                out.printf("  confirmation: exact on %s of %d uniform, %s of %d edge, %s of %d %s pairs%n",
                        TrainingTable.percent(confirmation.random().exactRate()), confirmation.random().pairs(),
                        TrainingTable.percent(confirmation.edge().exactRate()), confirmation.edge().pairs(),
                        TrainingTable.percent(confirmation.carryHeavy().exactRate()), confirmation.carryHeavy().pairs(),
                        operator.chainHeavyName());
                out.flush();
            }
        };
    }

    private static boolean exactWhenStopped(TrainingResult result) {
        return !result.rows().isEmpty() && result.rows().get(result.rows().size() - 1).perfect();
    }

    /**
     * The command that rebuilds {@code output}, as its model card gives it: every value of the
     * configuration, by name, through the launcher that pins the training numerics (or on the lab's
     * classpath, for the lab's methods).
     */
    public static String rebuildCommand(TrainingConfig c, Path output) {
        StringBuilder args = new StringBuilder("train");
        if (c.operator() != TrainingConfig.DEFAULT.operator()) {
            args.append(" --operator ").append(c.operator().cliName());
        }
        if (!c.binary()) {
            args.append(" --radix ").append(c.radix());
        }
        args.append(" --method ").append(c.method().cliName()).append(" --cell ").append(c.cell().metadataName());
        if (c.binary()) {
            args.append(" --loss ").append(c.loss().cliName());
        }
        args.append(String.format(Locale.ROOT, " --hidden-size %d", c.hiddenSize()));
        if (c.recurrentRank() > 0) {
            args.append(" --recurrent-rank ").append(c.recurrentRank());
        }
        args.append(String.format(Locale.ROOT, " --train-digits %d --seed %d --batch %d --learning-rate %s "
                + "--state-noise %s --max-iterations %d --evaluate-every %d --validation-pairs %d", c.trainDigits(),
                c.seed(), c.batchSize(), c.learningRate(), c.stateNoise(), c.maxIterations(), c.evaluateEvery(),
                c.validationPairs()));
        if (c.quietChains() > 0) {
            args.append(" --quiet-chains ").append(c.quietChains());
        }
        if (c.carryHint() > 0) {
            args.append(" --carry-hint ").append(c.carryHint());
        }
        if (c.carryGain() != 1) {
            args.append(" --carry-gain ").append(c.carryGain());
        }
        if (c.carrySaturation() > 0) {
            args.append(" --carry-saturation ").append(c.carrySaturation());
        }
        args.append(" --output ").append(output.toString().replace('\\', '/'));
        return c.method() == TrainingConfig.Method.CERTIFIABLE ? "adder-train/bin/adder-train " + args
                : PinnedNumerics.labCommand(args.toString());
    }


}
