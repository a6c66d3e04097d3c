package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pinned environment is recognised, and every way of missing it is named. */
class PinnedNumericsTest {

    @Test
    void thePinnedEnvironment_isPinned() {
        assertEquals(Optional.empty(), PinnedNumerics.whyNotPinned(PinnedNumerics.ENVIRONMENT));
        assertEquals("OMP_NUM_THREADS=1 ONEDNN_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Haswell", PinnedNumerics.describe());
    }

    @Test
    void anEnvironmentWithoutThePins_isNamedWithTheWayOut() {
        String why = PinnedNumerics.whyNotPinned(Map.of()).orElseThrow();
        assertTrue(why.startsWith("OMP_NUM_THREADS is not set, not '1'"), why);
        assertTrue(why.contains("adder-train/bin/adder-train"), why);

        Map<String, String> avx512 = new HashMap<>(PinnedNumerics.ENVIRONMENT);
        avx512.put("OPENBLAS_CORETYPE", "SkylakeX");
        assertTrue(PinnedNumerics.whyNotPinned(avx512).orElseThrow().startsWith(
                "OPENBLAS_CORETYPE is 'SkylakeX', not 'Haswell'"), PinnedNumerics.whyNotPinned(avx512).toString());
    }

    @Test
    void theTestsThemselves_runPinned() {
        assertEquals(Optional.empty(), PinnedNumerics.whyNotPinned(), "adder-train's surefire configuration pins them");
    }
}
