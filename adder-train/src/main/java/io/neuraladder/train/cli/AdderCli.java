package io.neuraladder.train.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training command line: {@code train} builds, validates and exports a model.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -q -pl adder-train exec:java -Dexec.args="train --seed 42"
 * </pre>
 */
@Command(name = "adder-train", mixinStandardHelpOptions = true, version = "neural-adder-train",
        description = "Trains, validates and exports neural-adder models.",
        subcommands = {TrainCommand.class, CertifyCommand.class})
public final class AdderCli {

    AdderCli() {}

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = new CommandLine(new AdderCli()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }
}
