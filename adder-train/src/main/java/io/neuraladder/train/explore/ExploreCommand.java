package io.neuraladder.train.explore;

import io.neuraladder.api.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code explore}: serves the explorer page for a model and the shipped ones, or writes a trace's figures as a PNG. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Starts a web page on 127.0.0.1 that adds two numbers with a model and shows how: the "
                + "state after every step as a heat map, each output with its margin, the carry, and for a certified "
                + "model the certificate region the state is in, with all the boxes drawn in a plane. MODEL (default: "
                + "the bundled default) comes first; every shipped model can be chosen in the page, and with --imported DIR "
                + "every model in DIR, with the importer's verdict. Ctrl-C stops it.",
                "With --png FILE A B, writes the same figures for A + B to FILE instead, without a browser."})
public final class ExploreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", description = "port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
    private int port = 8080;

    @Option(names = "--png", paramLabel = "FILE", description = "write the figures of A + B to this PNG file and exit")
    private Path png;

    @Option(names = "--width", description = "for --png on a binary model: int, long, big (BigInteger) or auto, the narrowest that holds "
            + "both (default: ${DEFAULT-VALUE})")
    private String width = "auto";

    @Option(names = "--imported", paramLabel = "DIR", description = "also list every model file in DIR, such as "
            + "networks written by `adder-train import`, with the importer's verdict; a refuted one's counterexample is "
            + "traced by one button")
    private Path imported;

    @Parameters(arity = "0..3", paramLabel = "ARG", description = "[MODEL], or with --png: [MODEL] A B "
            + "(put -- before a negative A, as in: --png f.png -- -1 1)")
    private List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        int operands = png == null ? 0 : 2;
        if (arguments.size() < operands || arguments.size() > operands + 1) {
            throw new ParameterException(spec.commandLine(), png == null
                    ? "explore takes at most one MODEL; to draw a sum, add --png FILE A B"
                    : "--png takes [MODEL] A B: two operands after the optional model file");
        }
        List<Path> models = new ArrayList<>(arguments.size() > operands ? List.of(Path.of(arguments.get(0))) : List.of());
        if (imported != null) {
            try (Stream<Path> files = Files.list(imported)) {
                files.filter(f -> f.getFileName().toString().endsWith(".onnx")).sorted().forEach(models::add);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--imported " + imported + " cannot be listed: "
                        + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (png != null) {
            return writePng(models, out);
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
        }
        ModelCatalog catalog;
        try {
            catalog = ModelCatalog.open(models);
        } catch (ModelLoadException | IllegalArgumentException e) {
            return refuse(e);
        }
        ExplorerServer server;
        try {
            server = ExplorerServer.start(catalog, port);
        } catch (UncheckedIOException e) {
            catalog.close();
            return refuse(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            catalog.close();
            stopped.countDown();
        }, "explorer-shutdown"));
        out.printf(Locale.ROOT, "explorer for %s at %s (also: %s); Ctrl-C stops it%n", catalog.first().name(),
                server.uri(), String.join(", ", catalog.names().subList(1, catalog.names().size())));
        out.flush();
        stopped.await();
        return 0;
    }

    private int writePng(List<Path> models, PrintWriter out) {
        int operands = arguments.size();
        String a = arguments.get(operands - 2);
        String b = arguments.get(operands - 1);
        ModelCatalog opened;
        try {
            opened = ModelCatalog.single(models.isEmpty() ? null : models.get(0));
        } catch (ModelLoadException | IllegalArgumentException e) {
            return refuse(e);
        }
        try (ModelCatalog catalog = opened) {
            ExploredModel model = catalog.first();
            Trace trace;
            try {
                trace = model.trace(a, b, model.isDecimal() ? null : width);
            } catch (BadRequest | IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            TraceFigure.write(model.view(), trace, png);
            out.printf(Locale.ROOT, "%s %s %s %s on %s in %d steps; figures written to %s%n",
                    ModelView.written(a, trace.radix()), trace.symbol(), ModelView.written(b, trace.radix()),
                    trace.overflow() == null ? "= " + ModelView.written(trace.sum(), trace.radix())
                            : "overflows (" + trace.overflow() + "; wrapped " + trace.sum() + ")",
                    model.name(), trace.stepCount(), png);
            return 0;
        }
    }

    private int refuse(RuntimeException e) {
        spec.commandLine().getErr().println("explore: " + e.getMessage());
        return 1;
    }
}
