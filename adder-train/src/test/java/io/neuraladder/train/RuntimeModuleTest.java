package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtEnvironment;
import com.google.protobuf.Message;
import io.neuraladder.NeuralAdder;
import io.neuraladder.api.Adder;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The runtime's module exports its API and nothing else: code outside the module compiles against
 * {@code io.neuraladder} and {@code io.neuraladder.api}, and neither compiles against nor reflects
 * into the packages that do the work (compose, engine, load, proof, common). Both checks use the
 * module as built (its {@code module-info.class}) and its real dependencies, from a module layer
 * and a compiler of their own, with this test outside the module as any application is.
 */
class RuntimeModuleTest {

    private static final String MODULE = "io.neuraladder.runtime";

    private static final Set<String> INTERNAL = Set.of("io.neuraladder.assemble", "io.neuraladder.compose",
            "io.neuraladder.engine", "io.neuraladder.load", "io.neuraladder.proof", "io.neuraladder.common",
            "io.neuraladder.demo");

    @TempDir
    Path temp;

    @Test
    void theModule_exportsTheApiOnly_andRequiresTheApiTransitively() {
        ModuleDescriptor descriptor = ModuleFinder.of(modulePath().toArray(Path[]::new)).find(MODULE).orElseThrow()
                .descriptor();
        assertEquals(Set.of("io.neuraladder"), descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()));
        assertTrue(descriptor.packages().containsAll(INTERNAL), descriptor.packages().toString());
        assertTrue(descriptor.requires().stream().anyMatch(r -> r.name().equals("io.neuraladder.api")
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)), descriptor.toString());
    }

    @Test
    void aClassOutsideTheModule_compilesAgainstTheApi_andNotAgainstAnInternalPackage() throws IOException {
        String api = compile("UsesTheApi", "public class UsesTheApi {\n"
                + "    io.neuraladder.api.Adder adder = io.neuraladder.NeuralAdder.builder().build();\n"
                + "    String property = io.neuraladder.NeuralAdder.MODEL_PROPERTY;\n"
                + "}\n");
        assertEquals("", api, "code outside the module compiles against the facades and the api");

        for (String internal : List.of("io.neuraladder.engine.ReloadableEngine", "io.neuraladder.compose.ReloadableAdder",
                "io.neuraladder.load.ModelLoad", "io.neuraladder.proof.CertificateChecker")) {
            String refused = compile("ReachesInside", "public class ReachesInside {\n    " + internal + " x;\n}\n");
            assertTrue(refused.contains("does not export") || refused.contains("is not visible"),
                    internal + " must not compile outside the module; javac said: " + refused);
        }
    }

    @Test
    void aClassOutsideTheModule_cannotReflectIntoAnInternalPackage_atRunTime() throws ReflectiveOperationException {
        ModuleLayer layer = layer();
        Module runtime = layer.findModule(MODULE).orElseThrow();
        for (String internal : INTERNAL) {
            assertFalse(runtime.isExported(internal), internal);
        }
        ClassLoader loader = layer.findLoader(MODULE);

        Class<?> facade = Class.forName("io.neuraladder.NeuralAdder", false, loader);
        assertEquals(NeuralAdder.MODEL_PROPERTY, facade.getField("MODEL_PROPERTY").get(null));

        Class<?> checks = Class.forName("io.neuraladder.common.DigitOperands", false, loader);
        var kind = checks.getMethod("kind", int.class);
        assertThrows(IllegalAccessException.class, () -> kind.invoke(null, 10),
                "a public method of an internal package is out of reach");
        assertFalse(kind.trySetAccessible(), "nor can it be forced open");
    }

    /**
     * javac's complaints about {@code source} compiled outside the module against it, or "" when it
     * compiles; the class path is empty, not this JVM's (which holds the runtime's classes).
     */
    private String compile(String name, String source) throws IOException {
        Path file = temp.resolve(name + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter output = new StringWriter();
        List<String> options = List.of("-d", temp.resolve("out").toString(), "-classpath", temp.toString(),
                "--module-path",
                modulePath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "--add-modules", MODULE);
        boolean compiled = javac.getTask(output, null, null, options, null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(file)).call();
        return compiled ? "" : output.toString();
    }

    private static ModuleLayer layer() {
        ModuleFinder finder = ModuleFinder.of(modulePath().toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(),
                Set.of(MODULE));
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    /** The module as built and the jars it requires, where this test JVM found them. */
    private static List<Path> modulePath() {
        return List.of(location(NeuralAdder.class), location(Adder.class), location(OrtEnvironment.class),
                location(OnnxMl.class), location(Message.class), location(Logger.class));
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
