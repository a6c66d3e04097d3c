package io.neuraladder.train.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuraladder.contract.BitCodec;
import io.neuraladder.train.ShippedModelFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The explorer's HTTP surface: the page, the JSON API, and a clear 4xx sentence for every bad request. */
class ExplorerServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static ModelCatalog catalog;
    private static ExplorerServer server;

    @BeforeAll
    static void start() {
        catalog = ModelCatalog.open(List.of());
        server = ExplorerServer.start(catalog, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        catalog.close();
    }

    private static HttpResponse<String> get(String target) throws Exception {
        return send(HttpRequest.newBuilder(server.uri().resolve(target)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        return JSON.readTree(response.body());
    }

    private static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            query.append(i == 0 ? "?" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    @Test
    void servesThePageAndItsAssetsFromTheJar() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<script src=\"explorer.js\""), page.body());
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "the page loads nothing from elsewhere");
        HttpResponse<String> script = get("/explorer.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("/api/trace?"), "the script is copied unfiltered");
        assertEquals(200, get("/explorer.css").statusCode());
        assertEquals("default-src 'self'; img-src 'self' data:",
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void listsEveryShippedModelWithTheDefaultFirst() throws Exception {
        JsonNode list = json(get("/api/models"));
        assertEquals("adder-lstm.onnx", list.get("first").asText());
        assertEquals(ShippedModelFiles.all().size(), list.get("models").size(), "every model in the runtime jar");
        boolean radix16 = false;
        for (JsonNode model : list.get("models")) {
            assertTrue(model.get("certified").asBoolean(), model.toString());
            if (model.get("name").asText().equals("adder-radix16.onnx")) {
                radix16 = true;
                assertEquals("radix 16", model.get("kind").asText(), model.toString());
            }
        }
        assertTrue(radix16, "the radix-16 model is listed: " + list);
    }

    @Test
    void describesAModelWithItsCertificateBoxesInThePlane() throws Exception {
        JsonNode model = json(get("/api/model" + query("model", "adder-gru.onnx")));
        assertEquals("gru", model.get("cell").asText());
        assertTrue(model.get("certified").asBoolean());
        assertEquals(model.get("regions").asInt(), model.get("plane").get("boxes").size());
        assertTrue(model.get("plane").get("separates").asBoolean(), model.get("plane").get("x").asText());
        assertEquals(model.get("stateSize").asInt(), model.get("units").size());
    }

    @Test
    void namesEachModelsParts_byItsOperatorAndCell() throws Exception {
        JsonNode subtractor = json(get("/api/model" + query("model", "subtractor-lstm.onnx")));
        assertEquals("difference", subtractor.get("resultName").asText());
        assertEquals("borrow", subtractor.get("stateName").asText());
        String x = subtractor.get("plane").get("x").asText();
        assertTrue(x.startsWith("borrow direction (mean box centre of borrow 1 minus borrow 0)"), x);
        String lstm = subtractor.get("certificate").asText();
        assertTrue(lstm.contains("lstm") && !lstm.contains("preactivation"), lstm);
        JsonNode rnn = json(get("/api/model" + query("model", "adder-rnn.onnx")));
        assertEquals("sum", rnn.get("resultName").asText());
        assertTrue(rnn.get("certificate").asText().contains("(on the preactivation)"), rnn.get("certificate").asText());
    }

    @Test
    void tracesAnOverflowThroughAllThirtyTwoBits() throws Exception {
        HttpResponse<String> response = get("/api/trace" + query("a", "2147483647", "b", "1"));
        assertEquals(200, response.statusCode());
        JsonNode trace = json(response);
        assertEquals("integer overflow", trace.get("overflow").asText());
        assertEquals("-2147483648", trace.get("sum").asText());
        assertEquals(32, trace.get("stepCount").asInt());
        assertEquals(32, trace.get("steps").size());
        for (int t = 0; t < 31; t++) {
            assertEquals(1, trace.get("steps").get(t).get("carry").asInt(), "the carry travels through step " + t);
        }
        assertTrue(trace.get("traceAgrees").asBoolean());
    }

    @Test
    void tracesLongsAndDecimalDigits() throws Exception {
        JsonNode longs = json(get("/api/trace" + query("a", "-1", "b", "1", "width", "long")));
        assertEquals("0", longs.get("sum").asText());
        assertTrue(longs.get("overflow").isNull());
        assertEquals(64, longs.get("stepCount").asInt());
        JsonNode auto = json(get("/api/trace" + query("a", "9223372036854775807", "b", "-9223372036854775808")));
        assertEquals(64, auto.get("bits").asInt(), "auto widens to long when an operand needs it");
        assertEquals("-1", auto.get("sum").asText());
        JsonNode decimal = json(get("/api/trace" + query("model", "adder-decimal.onnx", "a", "9999", "b", "1")));
        assertEquals("10000", decimal.get("sum").asText());
        assertEquals(5, decimal.get("stepCount").asInt());
        JsonNode decimalModel = json(get("/api/model" + query("model", "adder-decimal.onnx")));
        assertEquals(decimalModel.get("stateSize").asInt(),
                decimal.get("steps").get(0).get("region").get("position").size());
    }

    @Test
    void showsAProduct_asItsPartialProductsAndTheAdditionsThatSumThem() throws Exception {
        JsonNode product = json(get("/api/product" + query("a", "-46341", "b", "46340")));
        assertEquals(Long.toString(-46341L * 46340), product.get("product").asText());
        assertTrue(product.get("overflow").isNull());
        long sum = 0;
        for (JsonNode term : product.get("partialProducts")) {
            sum += term.asLong();
        }
        assertEquals(-46341L * 46340, sum, "the partial products sum to the product, mod 2^64");
        int additions = product.get("additions").size();
        assertEquals(product.get("partialProducts").size() - 1, additions, "a binary tree of additions");
        for (JsonNode addition : product.get("additions")) {
            JsonNode trace = addition.get("trace");
            assertEquals(Long.toString(addition.get("a").asLong() + addition.get("b").asLong()), trace.get("sum").asText());
            assertTrue(trace.get("traceAgrees").asBoolean());
            for (JsonNode step : trace.get("steps")) {
                assertTrue(step.get("region").get("inside").asBoolean(), "every state inside its certificate region");
            }
        }
        JsonNode overflow = json(get("/api/product" + query("a", "65536", "b", "32768")));
        assertEquals("integer overflow", overflow.get("overflow").asText());
        assertRefused(get("/api/product" + query("model", "adder-decimal.onnx", "a", "5", "b", "7")), 400,
                "is not a binary adder");
    }

    @Test
    void showsAQuotient_asOneTracedSubtractionPerQuotientBit() throws Exception {
        JsonNode quotient = json(get("/api/quotient" + query("model", "subtractor-lstm.onnx", "a", "535", "b", "61")));
        assertEquals("8", quotient.get("quotient").asText());
        assertEquals("47", quotient.get("remainder").asText());
        JsonNode subtractions = quotient.get("subtractions");
        assertEquals(10 - 6 + 1, subtractions.size(), "one per quotient bit from where 61 first fits under 535");
        long bits = 0;
        for (JsonNode subtraction : subtractions) {
            JsonNode trace = subtraction.get("trace");
            long difference = subtraction.get("partial").asLong() - subtraction.get("divisor").asLong();
            assertEquals(Long.toString(difference), trace.get("sum").asText(), "the subtractor's exact difference");
            assertEquals(difference >= 0, subtraction.get("kept").asBoolean());
            assertTrue(trace.get("traceAgrees").asBoolean());
            bits = bits << 1 | (subtraction.get("kept").asBoolean() ? 1 : 0);
        }
        assertEquals(8, bits, "the kept subtractions spell the quotient");
        assertRefused(get("/api/quotient" + query("a", "5", "b", "7")), 400, "is not a binary subtractor");
        assertRefused(get("/api/quotient" + query("model", "subtractor-lstm.onnx", "a", "-5", "b", "7")), 400,
                "takes a dividend of 0 or more");
        assertRefused(get("/api/quotient" + query("model", "subtractor-lstm.onnx", "a", "5", "b", "0")), 400,
                "a divisor of 1 or more");
    }

    @Test
    void tracesTheRadix16Model_inHexadecimal() throws Exception {
        JsonNode model = json(get("/api/model" + query("model", "adder-radix16.onnx")));
        assertEquals("radix 16", model.get("kind").asText());
        assertEquals(16, model.get("radix").asInt());
        JsonNode hex = json(get("/api/trace" + query("model", "adder-radix16.onnx", "a", "ff", "b", "1")));
        assertEquals("100", hex.get("sum").asText(), "0xff + 0x1 = 0x100");
        assertEquals(16, hex.get("radix").asInt());
        assertEquals("radix 16", hex.get("kind").asText());
        assertEquals("0x100", ModelView.written(hex.get("sum").asText(), 16));
    }

    @Test
    void tracesBigIntegers_inTheRuntimesSteps() throws Exception {
        BigInteger a = BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE);
        JsonNode auto = json(get("/api/trace" + query("a", a.toString(), "b", "1")));
        assertEquals("big", auto.get("width").asText(), "auto widens to BigInteger when a long cannot hold an operand");
        assertEquals(BitCodec.steps(a, BigInteger.ONE), auto.get("bits").asInt());
        assertEquals(auto.get("bits").asInt(), auto.get("stepCount").asInt());
        assertEquals(BigInteger.ONE.shiftLeft(100).toString(), auto.get("sum").asText());
        assertTrue(auto.get("overflow").isNull());
        assertTrue(auto.get("traceAgrees").asBoolean());
        BigInteger negative = BigInteger.ONE.shiftLeft(80).negate();
        JsonNode signed = json(get("/api/trace" + query("a", negative.toString(), "b", "-5", "width", "big")));
        assertEquals(negative.subtract(BigInteger.valueOf(5)).toString(), signed.get("sum").asText());
        assertTrue(signed.get("traceAgrees").asBoolean());
        JsonNode small = json(get("/api/trace" + query("a", "5", "b", "3", "width", "big")));
        assertEquals(5, small.get("stepCount").asInt(), "3 bits, a sign bit and the last carry");
        assertEquals("8", small.get("sum").asText());

        HttpResponse<String> tooLong = get("/api/trace" + query("a", BigInteger.ONE.shiftLeft(2000).toString(), "b", "1"));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("traces BigIntegers of up to 2,000 steps (these need 2,003"), tooLong.body());
        HttpResponse<String> tooManyCharacters = get("/api/trace" + query("a", "9".repeat(611), "b", "1"));
        assertEquals(400, tooManyCharacters.statusCode());
        assertTrue(tooManyCharacters.body().contains("of at most 610 characters"), tooManyCharacters.body());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/trace?a=abc&b=1                         | 400 | operand a = \"abc\" is not an integer",
        "/api/trace?a=1                               | 400 | operand b is missing",
        "/api/trace?a=&b=1                            | 400 | operand a is missing",
        "/api/trace?a=99999999999999999999&b=1&width=long | 400 | operand a = 99999999999999999999 does not fit in a long",
        "/api/trace?a=1.5&b=1                         | 400 | is not an integer",
        "/api/trace?a=3000000000&b=1&width=int        | 400 | does not fit in an int",
        "/api/trace?a=1&b=1&width=short               | 400 | width 'short' is not known",
        "/api/trace?a=1&b=1&model=nope.onnx           | 400 | unknown model 'nope.onnx'",
        "/api/trace?a=1&b=1&c=2                       | 400 | unknown parameter 'c'",
        "/api/trace?a=1&a=2&b=1                       | 400 | parameter 'a' is given twice",
        "/api/trace?a=%E0%A4&b=1                      | 400 | is not an integer",
        "/api/trace?model=adder-decimal.onnx&a=12x&b=1 | 400 | has 'x' (U+0078) at index 2, which is not a digit",
        "/api/trace?model=adder-decimal.onnx&a=-5&b=1 | 400 | operand a = \"-5\" is negative",
        "/api/trace?model=adder-decimal.onnx&a=%205&b=1 | 400 | has whitespace at index 0",
        "/api/trace?model=adder-decimal.onnx&a=5&b=1&width=int | 400 | width applies to binary models",
        "/api/models?x=1                              | 400 | unknown parameter 'x' for /api/models; it takes none",
        "/api/nothing                                 | 404 | nothing at /api/nothing",
        "/favicon.ico                                 | 404 | nothing at /favicon.ico",
        "/../etc/passwd                               | 404 | nothing at",
    })
    void refusesABadRequestWithASentence(String target, int status, String message) throws Exception {
        String[] response = rawGet(target);
        assertEquals("HTTP/1.1 " + status, response[0].substring(0, 12), response[1]);
        String error = target.startsWith("/api/") ? JSON.readTree(response[1]).get("error").asText() : response[1];
        assertTrue(error.contains(message), "expected '" + message + "' in: " + error);
        assertFalse(response[1].contains("Exception") || response[1].contains("\tat "), "no stack trace in: " + response[1]);
    }

    @Test
    void aTargetThatIsNoUriIsRefusedBeforeTheExplorerSeesIt() throws Exception {
        String[] response = rawGet("/api/trace?a=%zz&b=1");
        assertEquals("HTTP/1.1 400 Bad Request", response[0], "the JDK's server refuses it with its own one-line page");
        assertFalse(response[1].contains("\tat "), response[1]);
    }

    /** Sends {@code target} byte for byte, as no HTTP client library would: returns the status line and the body. */
    private static String[] rawGet(String target) throws IOException {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            return new String[] {response.substring(0, response.indexOf("\r\n")), response.substring(split + 4)};
        }
    }

    @Test
    void refusesOverlongDecimalOperandsAndOverlongTargets() throws Exception {
        String digits = "9".repeat(StepTracer.MAX_DECIMAL_DIGITS + 1);
        assertRefused(get("/api/trace" + query("model", "adder-decimal.onnx", "a", digits, "b", "1")), 400,
                "the explorer traces operands of up to 2,000 digits (this one has 2,001)");
        assertEquals(200, get("/api/trace" + query("model", "adder-decimal.onnx", "a", digits.substring(1), "b", "1"))
                .statusCode(), "2,000 digits are traced");
        assertRefused(get("/api/trace" + query("a", "1".repeat(ExplorerServer.MAX_TARGET_LENGTH), "b", "1")), 414,
                "at most 8,192 are served");
    }

    @ParameterizedTest
    @CsvSource({"POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
    void answersGetOnly(String method) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.uri().resolve("/api/trace?a=1&b=2"))
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("HEAD") ? "" : "a=1&b=2")));
        assertEquals(405, response.statusCode());
        assertEquals("GET", response.headers().firstValue("Allow").orElseThrow());
        if (!method.equals("HEAD")) {
            assertRefused(response, 405, method + " is not served; the explorer answers GET only");
        }
    }

    @Test
    void refusesARequestWithABody() throws Exception {
        assertRefused(send(HttpRequest.newBuilder(server.uri().resolve("/api/trace?a=1&b=2"))
                .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(1000)))), 413, "carry no body");
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws Exception {
        assertEquals("127.0.0.1", server.uri().getHost());
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
        if (outside.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThrows(IOException.class, () -> socket.connect(
                        new InetSocketAddress(outside.get(), server.uri().getPort()), 2_000));
            }
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        String error = response.uri().getPath().startsWith("/api/") ? json(response).get("error").asText()
                : response.body();
        assertTrue(error.contains(message), "expected '" + message + "' in: " + error);
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "),
                "no stack trace in: " + response.body());
    }
}
