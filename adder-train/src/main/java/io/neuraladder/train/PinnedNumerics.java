package io.neuraladder.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The native settings that make training give the same bytes on every x86-64 machine with AVX2.
 *
 * <p>ND4J's OpenBLAS and oneDNN choose their kernels by CPU at load time, so the same seed gives
 * other rounding, and after a few hundred minibatches another model file, on an AVX-512 machine
 * than on an AVX2 one. Both libraries read their choice from the environment, once, before the
 * JVM can change it: {@code bin/adder-train}, the Maven test configuration and every model card's
 * command set {@link #ENVIRONMENT}. Threads are pinned too ({@code OMP_NUM_THREADS=1}), which also
 * makes these tiny networks train about twice as fast.
 */
public final class PinnedNumerics {

    /** The environment that training runs in, as {@code bin/adder-train} and the tests set it. */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "OPENBLAS_CORETYPE", "Haswell",
            "ONEDNN_MAX_CPU_ISA", "AVX2",
            "OMP_NUM_THREADS", "1");

    private static final Pattern AVX2 = Pattern.compile("^flags\\s*:.*\\bavx2\\b", Pattern.MULTILINE);

    private PinnedNumerics() {}

    /**
     * Why a model trained in this process may differ byte for byte from one trained on another
     * machine, or empty when the kernels are pinned.
     */
    public static Optional<String> whyNotPinned() {
        return whyNotPinned(System.getenv());
    }

    static Optional<String> whyNotPinned(Map<String, String> environment) {
        return ENVIRONMENT.entrySet().stream()
                .filter(setting -> !setting.getValue().equals(environment.get(setting.getKey())))
                .sorted(Map.Entry.comparingByKey())
                .findFirst()
                .map(setting -> setting.getKey() + " is " + Optional.ofNullable(environment.get(setting.getKey()))
                        .map(value -> "'" + value + "'").orElse("not set") + ", not '" + setting.getValue()
                        + "': ND4J's kernels then follow this CPU, and a model may differ byte for byte from one "
                        + "trained elsewhere. Train through adder-train/bin/adder-train, which sets "
                        + describe());
    }

    /**
     * Why this machine cannot run the pinned kernels (they need x86-64 with AVX2), or empty when
     * it can.
     */
    public static Optional<String> whyUnsupported() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return Optional.of("the pinned kernels (OpenBLAS Haswell, oneDNN AVX2) are x86-64 code; this machine is "
                    + arch + ", where ND4J's arithmetic, and so the trained bytes, differ");
        }
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo) && !AVX2.matcher(Files.readString(cpuinfo)).find()) {
                return Optional.of("this CPU has no AVX2, which the pinned OpenBLAS Haswell kernels need; "
                        + "its own kernels round differently, so the trained bytes differ");
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The shell command that runs the training CLI with {@code arguments} on the lab's classpath
     * (the tests' classes, where the lab's methods and commands are), through Maven, pinned.
     */
    public static String labCommand(String arguments) {
        return describe() + " mvn -q -pl adder-train exec:java -Dexec.classpathScope=test -Dexec.args=\""
                + arguments + "\"";
    }

    /** The pinned settings as {@code NAME=value} words, for a shell command line. */
    public static String describe() {
        return ENVIRONMENT.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(setting -> setting.getKey() + "=" + setting.getValue())
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
    }
}
