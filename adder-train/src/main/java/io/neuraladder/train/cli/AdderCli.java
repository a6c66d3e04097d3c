package io.neuraladder.train.cli;

import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.train.explore.ExploreCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training command line: {@code train} builds, validates and exports a model of any operator
 * and radix ({@code train --radix R}; {@code train-digits} is its old name for digit strings), {@code certify}
 * proves model files exact, {@code experiments} (the lab's, on its classpath) compares cells,
 * losses and training lengths,
 * {@code explore} shows a model adding, step by step, in a local web page.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -q -pl adder-train exec:java -Dexec.args="train --seed 42"
 * </pre>
 */
@Command(name = "adder-train", mixinStandardHelpOptions = true, version = "neural-adder-train",
        description = "Trains, validates and exports neural-adder models.",
        subcommands = {TrainCommand.class, CertifyCommand.class, ExploreCommand.class})
public final class AdderCli {

    AdderCli() {}

    /** The lab's command, compiled apart from the product (src/lab/java) and present only on its classpath. */
    private static final String LAB_COMMAND = "io.neuraladder.train.cli.ExperimentsCommand";

    /**
     * The command line, with case-insensitive enum values ({@code --cell gru}), and the lab's
     * {@code experiments} when the lab is on the classpath (as {@code bin/adder-train} puts it).
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AdderCli());
        try {
            commandLine.addSubcommand(Class.forName(LAB_COMMAND).getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException absent) {
            // the product jar alone: training, certification and the explorer
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the lab's command " + LAB_COMMAND + " cannot be created", e);
        }
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
