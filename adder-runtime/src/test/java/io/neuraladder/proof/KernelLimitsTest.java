package io.neuraladder.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.Operator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The kernel refuses to compute past the limits its own arguments rely on, rather than overflow. */
class KernelLimitsTest {

    @Test
    void aLabelKey_fitsEveryWindowTheFormatAllows_andNoLonger() {
        int top = StepLabel.MAX_RADIX * StepLabel.MAX_RADIX - 1;
        int[] widest = new int[CertificateFormat.MAX_HISTORY];
        Arrays.fill(widest, top);
        StepLabel label = new StepLabel(Operator.SUBTRACT, StepLabel.MAX_RADIX, 1, widest);
        assertEquals(label, new StepLabel(Operator.SUBTRACT, StepLabel.MAX_RADIX, 1, widest.clone()));
        assertTrue(CertificateFormat.MAX_HISTORY <= StepLabel.MAX_WINDOW, "the format's history fits the key");
        assertThrows(IllegalArgumentException.class,
                () -> new StepLabel(Operator.ADD, 10, 0, new int[StepLabel.MAX_WINDOW + 1]));
        assertThrows(IllegalArgumentException.class, () -> new StepLabel(Operator.ADD, StepLabel.MAX_RADIX + 1, 0,
                new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new StepLabel(Operator.ADD, 10, 2, new int[] {0}));
    }

    @Test
    void theDotProductBound_isRefusedBeyondTheTermsItsProofCovers() {
        assertTrue(Outward.dotProductError(Outward.MAX_TERMS, 1) > 0);
        assertThrows(IllegalArgumentException.class, () -> Outward.dotProductError(Outward.MAX_TERMS + 1, 1));
    }
}
