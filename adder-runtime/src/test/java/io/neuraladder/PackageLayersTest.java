package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages are floors, and every import runs down: the public API on top, then the
 * wiring of files into engines and handles, the composed arithmetic, the engines, the load path,
 * the proof kernel, and the shared names and checks at the bottom. A package may import its own
 * floor or any below it, and adder-api's packages; nothing runs back up.
 */
class PackageLayersTest {

    /** Bottom first. */
    private static final List<String> FLOORS = List.of("common", "proof", "load", "engine", "compose", "assemble",
            "", "demo");

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "neuraladder");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.neuraladder\\.([\\w.]+);",
            Pattern.MULTILINE);

    @Test
    void everyImportRunsDown() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> upward.addAll(upwardImports(f)));
        }
        assertEquals(List.of(), upward, "imports that run back up, from a lower floor " + FLOORS + " to a higher one");
    }

    @Test
    void theRule_catchesAnImportThatRunsUp() {
        assertTrue(upward("load", "engine.Sessions").isPresent());
        assertTrue(upward("common", "NeuralAdder").isPresent(), "the root package is a floor too");
        assertTrue(upward("engine", "load.ModelLoad").isEmpty());
        assertTrue(upward("compose", "api.Adder").isEmpty(), "adder-api is below every floor");
        assertTrue(upward("engine", "engine.OperatorEngine").isEmpty());
    }

    private static List<String> upwardImports(Path file) {
        String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        try {
            List<String> found = new ArrayList<>();
            Matcher imports = IMPORT.matcher(Files.readString(file));
            while (imports.find()) {
                upward(from, imports.group(1)).ifPresent(found::add);
            }
            return found.stream().map(problem -> file.getFileName() + ": " + problem).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why importing {@code imported} (below {@code io.neuraladder.}) from package {@code from} runs up, if it does. */
    private static Optional<String> upward(String from, String imported) {
        String target = imported.contains(".") && Character.isLowerCase(imported.charAt(0))
                ? imported.substring(0, imported.indexOf('.')) : "";
        if (List.of("api", "contract", "sampling").contains(target)) {
            return Optional.empty();
        }
        int fromFloor = floor(from);
        int targetFloor = floor(target);
        return targetFloor > fromFloor ? Optional.of("io.neuraladder." + (from.isEmpty() ? "" : from + ".")
                + " imports " + imported + ", a floor up") : Optional.empty();
    }

    private static int floor(String pkg) {
        int floor = FLOORS.indexOf(pkg);
        if (floor < 0) {
            throw new AssertionError("package io.neuraladder." + pkg + " has no floor in " + FLOORS
                    + "; give it one in this test");
        }
        return floor;
    }
}
