package io.neuraladder.train.explore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the explorer's answers cost after warm-up: a trace in the process ({@code trace*}), and
 * the same over HTTP on loopback with the JSON read by a client ({@code http*}), beside the
 * heaviest request of a page load, the decimal model's 20,100 boxes ({@code httpDecimalModel}).
 * See docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExplorerBenchmarks {

    private static final String NINES = "9".repeat(40);

    private ModelCatalog catalog;
    private ExplorerServer server;
    private ExploredModel lstm;
    private HttpClient client;
    private URI intTrace;
    private URI longTrace;
    private URI decimalTrace;
    private URI decimalModel;

    @Setup
    public void start() {
        catalog = ModelCatalog.open(List.of());
        server = ExplorerServer.start(catalog, 0);
        lstm = catalog.first();
        client = HttpClient.newHttpClient();
        intTrace = server.uri().resolve("/api/trace?a=2147483647&b=1");
        longTrace = server.uri().resolve("/api/trace?a=-1&b=1&width=long");
        decimalTrace = server.uri().resolve("/api/trace?model=adder-decimal.onnx&a=" + NINES + "&b=1");
        decimalModel = server.uri().resolve("/api/model?model=adder-decimal.onnx");
    }

    @TearDown
    public void stop() {
        server.close();
        catalog.close();
    }

    @Benchmark
    public Trace traceInt() {
        return lstm.trace("2147483647", "1", "int");
    }

    @Benchmark
    public Trace traceLong() {
        return lstm.trace("-1", "1", "long");
    }

    @Benchmark
    public int httpIntTrace() throws IOException, InterruptedException {
        return get(intTrace);
    }

    @Benchmark
    public int httpLongTrace() throws IOException, InterruptedException {
        return get(longTrace);
    }

    @Benchmark
    public int httpDecimalTrace() throws IOException, InterruptedException {
        return get(decimalTrace);
    }

    @Benchmark
    public int httpDecimalModel() throws IOException, InterruptedException {
        return get(decimalModel);
    }

    private int get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().length();
    }
}
