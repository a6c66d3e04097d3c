package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Training, export, certification and the explorer are clients of the runtime as any application
 * is: the product's code (this module's main sources) names only the packages the runtime's
 * module exports, read from its {@code module-info}, never its loading, engines, composition or
 * kernel. (Its tests may reach further: they check the runtime.) The compiler would say so for a
 * module; this module is not one (DL4J is not modular), so this test reads the imports.
 */
class ModuleBoundaryTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\.[\\w*]+;",
            Pattern.MULTILINE);

    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void theProduct_importsOnlyWhatTheRuntimeExports() throws IOException {
        ModuleDescriptor runtime = runtimeDescriptor();
        List<String> reachingIn = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(file -> reachingIn.addAll(internalImports(file, runtime)));
        }
        assertEquals(List.of(), reachingIn, "the runtime's module exports " + exported(runtime)
                + "; the rest is its inside");
    }

    @Test
    void theRule_catchesAnImportOfAnInternalPackage() {
        ModuleDescriptor runtime = runtimeDescriptor();
        assertFalse(internal("io.neuraladder.engine", runtime).isEmpty());
        assertFalse(internal("io.neuraladder.proof", runtime).isEmpty());
        assertTrue(internal("io.neuraladder", runtime).isEmpty(), "the facades are exported");
        assertTrue(internal("io.neuraladder.train", runtime).isEmpty(), "not the runtime's");
        assertTrue(internal("io.neuraladder.api", runtime).isEmpty(), "adder-api's");
        Matcher line = IMPORT.matcher("import io.neuraladder.engine.ReloadableEngine;");
        assertTrue(line.find());
        assertEquals("io.neuraladder.engine", line.group(1));
    }

    private static List<String> internalImports(Path file, ModuleDescriptor runtime) {
        try {
            List<String> found = new ArrayList<>();
            Matcher imports = IMPORT.matcher(Files.readString(file));
            while (imports.find()) {
                internal(imports.group(1), runtime).ifPresent(pkg -> found.add(file + " imports from " + pkg));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name} if it is a package of the runtime's module that the module does not export; for a class import, its package. */
    private static Optional<String> internal(String name, ModuleDescriptor runtime) {
        String pkg = name;
        while (!pkg.isEmpty() && !runtime.packages().contains(pkg)) {
            int dot = pkg.lastIndexOf('.');
            pkg = dot < 0 ? "" : pkg.substring(0, dot);
        }
        return pkg.isEmpty() || exported(runtime).contains(pkg) ? Optional.empty() : Optional.of(pkg);
    }

    private static Set<String> exported(ModuleDescriptor runtime) {
        return runtime.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
    }

    private static ModuleDescriptor runtimeDescriptor() {
        try {
            Path location = Path.of(NeuralAdder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ModuleFinder.of(location).findAll().iterator().next().descriptor();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
