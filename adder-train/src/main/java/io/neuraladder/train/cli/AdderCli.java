package io.neuraladder.train.cli;

import io.neuraladder.train.explore.ExploreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training command line: {@code train} builds, validates and exports a model, {@code certify}
 * proves model files exact, {@code experiments} compares cells, losses and training lengths,
 * {@code explore} shows a model adding, step by step, in a local web page.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -q -pl adder-train exec:java -Dexec.args="train --seed 42"
 * </pre>
 */
@Command(name = "adder-train", mixinStandardHelpOptions = true, version = "neural-adder-train",
        description = "Trains, validates and exports neural-adder models.",
        subcommands = {TrainCommand.class, TrainDecimalCommand.class, CertifyCommand.class,
                ExperimentsCommand.class, ExploreCommand.class})
public final class AdderCli {

    AdderCli() {}

    /** The command line, with case-insensitive enum values ({@code --cell gru}). */
    static CommandLine commandLine() {
        return new CommandLine(new AdderCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = commandLine().execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }
}
