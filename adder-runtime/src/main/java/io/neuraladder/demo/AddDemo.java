package io.neuraladder.demo;

import io.neuraladder.NeuralAdder;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.contract.MetadataKey;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Adds the integers given on the command line with the default model, left to right, and prints
 * each step; an overflow is reported like {@link Math#addExact(int, int)} reports it.
 *
 * <pre>
 * mvn -q -pl adder-runtime -am compile exec:java -Dexec.args="535 61"
 * </pre>
 */
public final class AddDemo {

    private static final int USAGE = 2;

    private AddDemo() {}

    /** Entry point: {@code AddDemo 535 61} or {@code AddDemo "535 + 61"}. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> tokens = Arrays.stream(String.join(" ", args).split("[\\s+]+"))
                .filter(token -> !token.isEmpty())
                .toList();
        if (tokens.size() < 2) {
            err.println("usage: AddDemo <int> <int> [<int> ...]   for example: AddDemo 535 61");
            return USAGE;
        }
        int[] operands = new int[tokens.size()];
        for (int i = 0; i < operands.length; i++) {
            try {
                operands[i] = Integer.parseInt(tokens.get(i));
            } catch (NumberFormatException e) {
                err.printf("'%s' is not an int: expected a whole number from %d to %d%n",
                        tokens.get(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
                return USAGE;
            }
        }
        ModelInfo model = NeuralAdder.defaultModel();
        out.printf("model: %s (%s, hidden size %s, %s)%n", model.source(),
                model.get(MetadataKey.CELL).orElse("unknown cell"), model.get(MetadataKey.HIDDEN_SIZE).orElse("?"),
                model.certificateCheck().map(check -> String.format(Locale.ROOT, "certified exact for every input: "
                        + "certificate checked at load in %.1f ms, %d regions, output margin %.3f logits",
                        check.checkTime().toNanos() / 1e6, check.regions(), check.outputMargin()))
                        .orElse("NOT certified: served on its self-test alone"));
        int sum = operands[0];
        for (int i = 1; i < operands.length; i++) {
            try {
                int next = NeuralAdder.add(sum, operands[i]);
                out.printf("%d + %d = %d%n", sum, operands[i], next);
                sum = next;
            } catch (ArithmeticException e) {
                out.printf("%d + %d = overflow: %s (the sum does not fit in an int; Math.addExact throws too)%n",
                        sum, operands[i], e.getMessage());
                return 0;
            }
        }
        return 0;
    }
}
