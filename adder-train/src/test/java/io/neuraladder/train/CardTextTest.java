package io.neuraladder.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Blanking a card's timings hides only its timings. */
class CardTextTest {

    private static final String CARD = "| SHA-256 | `%s` |\n| training time | %s s (evaluations included) |\n"
            + "| 1 | 250 | %ss | 100.000%% |\ntime: %s ms\n";

    @Test
    void cardsThatDifferInTheirTimingsOnly_compareEqual() {
        assertEquals(CardText.withoutTimings(String.format(CARD, "1327496c", "22.9", "14.9", "23")),
                CardText.withoutTimings(String.format(CARD, "1327496c", "32.7", "27.3", "71")));
    }

    @Test
    void cardsThatDifferInAnythingElse_compareUnequal() {
        assertNotEquals(CardText.withoutTimings(String.format(CARD, "1327496c", "22.9", "14.9", "23")),
                CardText.withoutTimings(String.format(CARD, "73a08136", "22.9", "14.9", "23")));
    }
}
