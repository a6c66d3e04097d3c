package io.neuraladder.train.cli;

import io.neuraladder.train.explore.ExploreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training command line: {@code train} builds, validates and exports a model
 * ({@code train-digits}, or {@code train --radix R}, a digit-serial one), {@code certify}
 * proves model files exact, {@code experiments} compares cells, losses and training lengths,
 * {@code explore} shows a model adding, step by step, in a local web page.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -q -pl adder-train exec:java -Dexec.args="train --seed 42"
 * </pre>
 */
@Command(name = "adder-train", mixinStandardHelpOptions = true, version = "neural-adder-train",
        description = "Trains, validates and exports neural-adder models.",
        subcommands = {TrainCommand.class, TrainDigitsCommand.class, CertifyCommand.class,
                ExperimentsCommand.class, ExploreCommand.class})
public final class AdderCli {

    AdderCli() {}

    /** The command line, with case-insensitive enum values ({@code --cell gru}). */
    static CommandLine commandLine() {
        return new CommandLine(new AdderCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * The arguments the command line runs: {@code train --radix R ...} with {@code R} other than 2
     * becomes {@code train-digits --radix R ...}, since a digit-serial adder has its own pipeline.
     */
    static String[] route(String... args) {
        if (args.length == 0 || !args[0].equals("train")) {
            return args;
        }
        for (int i = 1; i < args.length; i++) {
            String radix = args[i].startsWith("--radix=") ? args[i].substring("--radix=".length())
                    : args[i].equals("--radix") && i + 1 < args.length ? args[i + 1] : null;
            if (radix != null && !radix.equals("2")) {
                String[] routed = args.clone();
                routed[0] = "train-digits";
                return routed;
            }
        }
        return args;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = commandLine().execute(route(args));
        if (status != 0) {
            System.exit(status);
        }
    }
}
