package io.neuraladder.train.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explorer's web server, on the JDK's {@code jdk.httpserver}, bound to the loopback address
 * only: the page and its assets from the jar, and the JSON API ({@code /api/models},
 * {@code /api/model}, {@code /api/trace}, {@code /api/product}, {@code /api/quotient}; see docs/explorer.md). Only {@code GET} is served;
 * requests with a body or an over-long target are refused, and every refusal is a 4xx answer with
 * a sentence, never a stack trace.
 */
public final class ExplorerServer implements AutoCloseable {

    /** The longest request target (path and query) served; a trace of two 2,000-digit operands fits. */
    public static final int MAX_TARGET_LENGTH = 8_192;

    private static final Logger log = LoggerFactory.getLogger(ExplorerServer.class);

    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html", "/index.html", "index.html", "/explorer.js", "explorer.js",
            "/explorer.css", "explorer.css");

    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            "/api/models", Set.of(), "/api/model", Set.of("model"), "/api/trace", Set.of("model", "a", "b", "width"),
            "/api/product", Set.of("model", "a", "b"), "/api/quotient", Set.of("model", "a", "b"));

    private final ModelCatalog catalog;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();

    private ExplorerServer(ModelCatalog catalog, int port) throws IOException {
        // Without TCP_NODELAY, Nagle's algorithm holds the body behind the headers until the
        // client's delayed ACK: 40 ms on every answer (measured, docs/performance.md). The JDK's
        // server reads this property once, when its first instance is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.catalog = catalog;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "explorer-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Serves {@code catalog} on 127.0.0.1 at {@code port} (0 picks a free one) until closed.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    static ExplorerServer start(ModelCatalog catalog, int port) {
        try {
            ExplorerServer explorer = new ExplorerServer(catalog, port);
            explorer.server.start();
            log.info("explorer serving {} models at {}", catalog.names().size(), explorer.uri());
            return explorer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (choose another --port, or 0 for a free one)", e);
        }
    }

    /** The page's address. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            try {
                respond(exchange, path);
            } catch (HttpRefusal refusal) {
                send(exchange, refusal.status, path, refusal.getMessage());
            } catch (BadRequest | IllegalArgumentException e) {
                send(exchange, 400, path, e.getMessage());
            } catch (RuntimeException e) {
                log.error("explorer failed on {}", exchange.getRequestURI(), e);
                send(exchange, 500, path, "the explorer failed on this request; its log says why");
            }
        } catch (IOException e) {
            log.debug("client went away: {}", e.toString());
        }
    }

    private void respond(HttpExchange exchange, String path) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        if (target.length() > MAX_TARGET_LENGTH) {
            throw new HttpRefusal(414, String.format("the request target has %,d characters; at most %,d are served",
                    target.length(), MAX_TARGET_LENGTH));
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            throw new HttpRefusal(405, exchange.getRequestMethod() + " is not served; the explorer answers GET only");
        }
        if (hasBody(exchange)) {
            throw new HttpRefusal(413, "requests to the explorer carry no body");
        }
        String asset = ASSETS.get(path);
        if (asset != null) {
            sendAsset(exchange, asset);
            return;
        }
        Set<String> allowed = PARAMETERS.get(path);
        if (allowed == null) {
            throw new HttpRefusal(404, "nothing at " + BadRequest.shown(path) + "; the explorer serves /, /api/models, "
                    + "/api/model?model=NAME, /api/trace?model=NAME&a=A&b=B[&width=int|long|big|auto], "
                    + "/api/product?model=NAME&a=A&b=B and /api/quotient?model=NAME&a=A&b=B");
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery(), path, allowed);
        Object body = switch (path) {
            case "/api/models" -> new ModelList(catalog.first().name(),
                    catalog.models().stream().map(m -> new ModelList.Entry(m.name(), m.view().operator(), m.view().kind(), m.view().cell(),
                            m.view().certified(), verdictWord(m.view().verdict()))).toList());
            case "/api/model" -> catalog.get(query.get("model")).view();
            case "/api/product" -> catalog.get(query.get("model")).product(query.get("a"), query.get("b"));
            case "/api/quotient" -> catalog.get(query.get("model")).quotient(query.get("a"), query.get("b"));
            default -> catalog.get(query.get("model")).trace(query.get("a"), query.get("b"), query.get("width"));
        };
        sendJson(exchange, 200, body);
    }

    /** The verdict's first word, in lower case ({@code refuted}), or {@code null} for a model not imported. */
    private static String verdictWord(String verdict) {
        return verdict == null ? null : verdict.substring(0, verdict.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    /** The models the page can choose from. */
    record ModelList(String first, List<Entry> models) {

        /** {@code imported}: {@code proved}, {@code refuted} or {@code unknown} for an imported model, else {@code null}. */
        record Entry(String name, String operator, String kind, String cell, boolean certified, String imported) {}
    }

    private static boolean hasBody(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        return exchange.getRequestHeaders().containsKey("Transfer-Encoding") || (length != null && !length.equals("0"));
    }

    private static Map<String, String> query(String raw, String path, Set<String> allowed) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String part : raw.split("&", -1)) {
            int equals = part.indexOf('=');
            String name = decode(equals < 0 ? part : part.substring(0, equals));
            String value = equals < 0 ? "" : decode(part.substring(equals + 1));
            if (!allowed.contains(name)) {
                throw new BadRequest("unknown parameter '" + BadRequest.shown(name) + "' for " + path + "; it takes "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())));
            }
            if (values.put(name, value) != null) {
                throw new BadRequest("parameter '" + name + "' is given twice; give it once");
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("the query is not well formed (" + e.getMessage() + "); encode it with encodeURIComponent");
        }
    }

    private void sendAsset(HttpExchange exchange, String asset) throws IOException {
        byte[] bytes;
        try (InputStream in = ExplorerServer.class.getResourceAsStream(asset)) {
            if (in == null) {
                throw new IllegalStateException("the explorer's " + asset + " is missing from the jar");
            }
            bytes = in.readAllBytes();
        }
        String type = asset.endsWith(".html") ? "text/html" : asset.endsWith(".js") ? "text/javascript" : "text/css";
        send(exchange, 200, type + "; charset=utf-8", bytes);
    }

    private void send(HttpExchange exchange, int status, String path, String message) throws IOException {
        if (path.startsWith("/api/")) {
            sendJson(exchange, status, Map.of("status", status, "error", message));
        } else {
            send(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening, lets requests in flight finish (up to 2 s), and closes nothing else: the catalog is the caller's. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("explorer requests still running after 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A refusal with its own HTTP status. */
    private static final class HttpRefusal extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient int status;

        HttpRefusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
