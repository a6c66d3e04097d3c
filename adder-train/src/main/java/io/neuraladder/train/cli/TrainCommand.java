package io.neuraladder.train.cli;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.EvaluationRow;
import io.neuraladder.train.ModelCard;
import io.neuraladder.train.SamplePredictions;
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
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: trains a model until it adds exactly, then writes it and its model card. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a recurrent adder with Deeplearning4j until it is exact on fresh uniform, edge and "
                + "carry-heavy pairs (and, with --method certifiable, proved exact for every input length by the "
                + "carry certificate), then writes the ONNX model and its model card (.md) beside it.",
                "Run with OMP_NUM_THREADS=1: ND4J is about twice as fast single-threaded on this tiny network."})
final class TrainCommand implements Callable<Integer> {

    private static final TrainingConfig DEFAULTS = TrainingConfig.DEFAULT;

    @Spec
    private CommandSpec spec;

    @Option(names = "--method", description = "certifiable (SameDiff, shut forget gate, state noise; must certify) "
            + "or plain (DL4J LSTM layer; must be exact on samples) (default: ${DEFAULT-VALUE})")
    private String method = DEFAULTS.method().cliName();

    @Option(names = "--cell", description = "rnn, gru or lstm, run by ONNX's operator of that name "
            + "(default: rnn; lstm with --method plain)")
    private CellType cell;

    @Option(names = "--loss", description = "bce (binary cross-entropy) or mse (squared error of the probability) "
            + "(default: ${DEFAULT-VALUE})")
    private TrainingConfig.Loss loss = DEFAULTS.loss();

    @Option(names = "--hidden-size", description = "units of the cell (default: ${DEFAULT-VALUE})")
    private int hiddenSize = DEFAULTS.hiddenSize();

    @Option(names = {"--train-steps", "--steps"}, description = "bits per training sequence, 1..32 "
            + "(default: ${DEFAULT-VALUE})")
    private int steps = DEFAULTS.trainSteps();

    @Option(names = "--samples", description = "sample predictions printed at each evaluation (default: ${DEFAULT-VALUE})")
    private int samples = 4;

    @Option(names = "--seed", description = "seed of weights and data (default: ${DEFAULT-VALUE})")
    private long seed = DEFAULTS.seed();

    @Option(names = "--batch", description = "sequences per minibatch (default: ${DEFAULT-VALUE})")
    private int batch = DEFAULTS.batchSize();

    @Option(names = "--learning-rate", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    private double learningRate = DEFAULTS.learningRate();

    @Option(names = "--state-noise", description = "std. dev. of the noise on h and c, certifiable method "
            + "(default: ${DEFAULT-VALUE})")
    private double stateNoise = DEFAULTS.stateNoise();

    @Option(names = "--max-iterations", description = "give up after this many minibatches (default: ${DEFAULT-VALUE})")
    private int maxIterations = DEFAULTS.maxIterations();

    @Option(names = "--evaluate-every", description = "minibatches between evaluations (default: ${DEFAULT-VALUE})")
    private int evaluateEvery = DEFAULTS.evaluateEvery();

    @Option(names = "--validation-pairs", description = "fresh uniform pairs per evaluation (default: ${DEFAULT-VALUE})")
    private int validationPairs = DEFAULTS.validationPairs();

    @Option(names = {"-o", "--output"}, description = "model file to write (default: ${DEFAULT-VALUE})")
    private Path output = Path.of("my-adder.onnx");

    @Option(names = "--radix", description = "2, the bit-serial adder; with any other radix (3 to 36) the command line "
            + "runs train-digits --radix R instead (see train-digits --help)")
    private int radix = 2;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingConfig config;
        if (radix != 2) {
            throw new ParameterException(spec.commandLine(), "train trains the bit-serial adder (radix 2); for radix "
                    + radix + " run train-digits --radix " + radix);
        }
        try {
            TrainingConfig.Method chosen = methodNamed(method);
            CellType chosenCell = cell != null ? cell
                    : chosen == TrainingConfig.Method.PLAIN ? CellType.LSTM : DEFAULTS.cell();
            config = new TrainingConfig(chosen, chosenCell, loss, hiddenSize, steps, seed, batch, learningRate,
                    stateNoise, maxIterations, evaluateEvery, validationPairs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
            err.println("note: OMP_NUM_THREADS is not 1; ND4J trains this network about twice as fast with it");
        }
        out.printf("training %s%n%n%s%n", config, TrainingTable.textHeader());
        out.flush();
        TrainingResult result;
        try (TrainingProgress progress = TrainingProgress.start(config)) {
            result = new Trainer(config, listener(config, out, progress)).train();
        }

        if (!result.succeeded()) {
            err.printf("%nthe model is not %s after %d iterations (%.1f s); nothing was written. "
                    + "Try a larger --max-iterations or another --seed.%n  certificate: %s%n",
                    lastEvaluationExact(result) ? "certified" : "exact", result.iterations(), result.elapsedMillis() / 1000.0,
                    result.certificate().summary());
            return 1;
        }
        OnnxExport.write(result, output);
        byte[] sha256 = ModelFiles.sha256(output);
        Path card = ModelFiles.card(output);
        Files.writeString(card, ModelCard.markdown(result, output.getFileName().toString(), sha256,
                rebuildCommand(config)), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%n%s after %d iterations (%d examples, %.1f s)%ncertificate: %s%n"
                + "wrote %s (sha256 %s)%nwrote %s%n", result.certificate().proved() ? "certified and exact" : "exact",
                result.iterations(), result.examples(), result.elapsedMillis() / 1000.0,
                result.certificate().summary(), output,
                HexFormat.of().formatHex(sha256), card);
        return 0;
    }

    /** Prints a table row and sample predictions per evaluation, the confirmation, and moves the bar. */
    private Trainer.Listener listener(TrainingConfig config, PrintWriter out, TrainingProgress progress) {
        return new Trainer.Listener() {
            @Override
            public void onIteration(int iteration) {
                progress.step(iteration);
            }

            @Override
            public void onEvaluation(EvaluationRow row, CellWeights weights) {
                progress.clearLine();
                out.println(TrainingTable.textRow(row));
                for (String sample : SamplePredictions.lines(weights, config.seed() + row.epoch(), samples)) {
                    out.println(sample.replaceAll("(?m)^", "    "));
                }
                out.flush();
            }

            @Override
            public void onConfirmation(TrainingResult.Confirmation confirmation) {
                progress.clearLine();
                out.printf("  confirmation: exact on %s of %d uniform, %s of %d edge, %s of %d carry-heavy pairs%n",
                        TrainingTable.percent(confirmation.random().exactRate()), confirmation.random().pairs(),
                        TrainingTable.percent(confirmation.edge().exactRate()), confirmation.edge().pairs(),
                        TrainingTable.percent(confirmation.carryHeavy().exactRate()), confirmation.carryHeavy().pairs());
                out.flush();
            }
        };
    }

    private String rebuildCommand(TrainingConfig c) {
        return String.format(Locale.ROOT, "OMP_NUM_THREADS=1 mvn -q -pl adder-train exec:java -Dexec.args=\"train "
                + "--method %s --cell %s --loss %s --hidden-size %d --train-steps %d --seed %d --batch %d --learning-rate %s --state-noise %s "
                + "--max-iterations %d --evaluate-every %d --validation-pairs %d --output %s\"", c.method().cliName(),
                c.cell().metadataName(), c.loss().cliName(), c.hiddenSize(), c.trainSteps(), c.seed(), c.batchSize(), c.learningRate(), c.stateNoise(),
                c.maxIterations(), c.evaluateEvery(), c.validationPairs(), output.toString().replace('\\', '/'));
    }

    private static boolean lastEvaluationExact(TrainingResult result) {
        return !result.rows().isEmpty() && result.rows().get(result.rows().size() - 1).perfect();
    }

    private TrainingConfig.Method methodNamed(String name) {
        for (TrainingConfig.Method m : TrainingConfig.Method.values()) {
            if (m.cliName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--method must be certifiable or plain, got " + name);
    }
}
