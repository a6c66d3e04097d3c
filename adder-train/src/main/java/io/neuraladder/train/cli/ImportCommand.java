package io.neuraladder.train.cli;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.certify.PieceCoverSearch;
import io.neuraladder.train.imports.AdderImport;
import io.neuraladder.train.imports.AdderImport.Outcome;
import io.neuraladder.train.imports.AdderImport.Verdict;
import io.neuraladder.train.imports.ImportRefusedException;
import io.neuraladder.train.imports.SampleCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: reads a recurrent adder another framework exported, and proves or refutes it. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads a one-layer recurrent adder (nn.LSTM, nn.GRU or nn.RNN with an nn.Linear(H, 1) head, "
                + "and an optional sigmoid) from an ONNX file written by torch.onnx.export (or tf2onnx), writes it in "
                + "neural-adder's model contract with a model card beside it, and judges it: PROVED (a certificate, "
                + "boxes or a cover by pieces, is embedded; the runtime serves the file), REFUTED (operands it adds wrongly, replayed through "
                + "ONNX Runtime on the written file), or UNKNOWN (the shortfall). The verdict is the first line.",
                "Each step's input is (a_bit, b_bit), least significant first; a bit is 1 where the head's output "
                        + "is above 0.5.",
                "Exits 0 when proved, 1 when refuted, 3 when unknown, 4 when the file is refused (2: bad arguments)."})
final class ImportCommand implements Callable<Integer> {

    /** The exit status for a file the importer cannot read as a one-layer recurrent adder. */
    static final int REFUSED = 4;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the ONNX file to import")
    private Path source;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "the model file to write (its card is written beside it, FILE without .onnx plus .md)")
    private Path output;

    @Option(names = "--operator", paramLabel = "OP", defaultValue = "add",
            description = "what the network computes: add (default) or subtract (feature 0 is the minuend)")
    private String operator;

    @Option(names = "--check", description = "also run the written file through ONNX Runtime on a million uniform "
            + "int pairs, every edge pair, every carry (borrow) chain, carry-heavy (borrow-heavy) pairs and long sums "
            + "(differences), and print its wrong answers")
    private boolean check;

    @Option(names = "--cover-seconds", paramLabel = "S", defaultValue = "25",
            description = "the longest search for a cover by pieces, both tries together, where boxes do not prove "
                    + "the network and no counterexample is found (default: ${DEFAULT-VALUE})")
    private int coverSeconds;

    @Option(names = "--cover-pieces", paramLabel = "N", defaultValue = "20000",
            description = "the most pieces a cover may have before each try gives up (default: ${DEFAULT-VALUE})")
    private int coverPieces;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Operator asked;
        try {
            asked = Operator.fromMetadata(operator.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--operator must be add or subtract, not '" + operator + "'");
            return 2;
        }
        if (coverSeconds < 1 || coverPieces < 1) {
            spec.commandLine().getErr().println("--cover-seconds and --cover-pieces must be positive");
            return 2;
        }
        PieceCoverSearch.Settings defaults = PieceCoverSearch.Settings.defaults();
        PieceCoverSearch.Settings cover = new PieceCoverSearch.Settings(defaults.history(), defaults.steps(),
                defaults.minRadius(), defaults.grow(), coverPieces, Duration.ofSeconds(coverSeconds));
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = AdderImport.run(source, output, asked, cover);
        } catch (ImportRefusedException refused) {
            out.println("REFUSED: " + refused.getMessage());
            out.flush();
            return REFUSED;
        }
        out.println(outcome.headline());
        out.println();
        out.printf(Locale.ROOT, "read %s: %s%n", source, outcome.adder().describe());
        out.printf(Locale.ROOT, "wrote %s and its card, in %.1f s%n", output, (System.nanoTime() - start) / 1e9);
        if (outcome.verdict() == Verdict.UNKNOWN) {
            out.println(outcome.forgetting().describe());
        }
        outcome.counterexample().ifPresent(c -> out.printf(Locale.ROOT,
                "counterexample: %s(%s, %s) gives %s, exactly %s; bit %d is wrong (found by %s)%n",
                c.call().substring(0, c.call().indexOf('(')), c.a(), c.b(), c.networkGives(), c.exact(),
                c.candidate().wrongAt(), c.candidate().found()));
        if (check) {
            SampleCheck.wrongAnswers(output, asked).forEach((set, wrong) -> out.printf("wrong on %s: %s%n", set, wrong));
        }
        out.flush();
        return outcome.verdict().exitCode();
    }
}
