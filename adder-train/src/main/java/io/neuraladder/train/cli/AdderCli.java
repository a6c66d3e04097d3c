package io.neuraladder.train.cli;

import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.train.explore.ExploreCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training command line: {@code train} builds, validates and exports a model of any operator
 * and radix ({@code train --radix R}; {@code train-digits} is its old name for digit strings), {@code certify}
 * proves model files exact, {@code explore} shows a model adding, step by step, in a local web
 * page; {@code experiments}, the lab's comparison of cells, losses and training lengths, joins them
 * where the lab is on the classpath ({@link CommandProvider}).
 *
 * <pre>
 * adder-train/bin/adder-train train --seed 42
 * </pre>
 */
@Command(name = "adder-train", mixinStandardHelpOptions = true, version = "neural-adder-train",
        description = "Trains, validates and exports neural-adder models.",
        subcommands = {TrainCommand.class, CertifyCommand.class, ImportCommand.class, ExploreCommand.class})
public final class AdderCli {

    AdderCli() {}

    /**
     * The command line, with case-insensitive enum values ({@code --cell gru}), and every
     * {@link CommandProvider}'s command on the classpath (the lab's {@code experiments} on the test
     * classpath).
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AdderCli());
        ServiceLoader.load(CommandProvider.class).forEach(provider -> commandLine.addSubcommand(provider.command()));
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * The arguments the command line runs: {@code train-digits} and {@code train-decimal}, the old
     * names of the digit-serial pipeline, become {@code train}, in radix 10 unless {@code --radix}
     * is given; every model, in any radix, is trained by the one {@code train}.
     */
    static String[] route(String... args) {
        if (args.length == 0 || !(args[0].equals("train-digits") || args[0].equals("train-decimal"))) {
            return args;
        }
        boolean radixGiven = Arrays.stream(args).anyMatch(a -> a.equals("--radix") || a.startsWith("--radix="));
        List<String> routed = new ArrayList<>(List.of(args));
        routed.set(0, "train");
        if (!radixGiven) {
            routed.addAll(1, List.of("--radix", Integer.toString(DigitSerialContract.DECIMAL)));
        }
        return routed.toArray(String[]::new);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = commandLine().execute(route(args));
        if (status != 0) {
            System.exit(status);
        }
    }
}
