package io.neuraladder.train.imports;

import static io.neuraladder.train.imports.PyTorchFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import io.neuraladder.train.imports.CounterexampleSearch.Candidate;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counterexample search on networks trained by PyTorch: what each of its strategies reaches that
 * the others do not, and no candidate on a network that is proved exact.
 */
class CounterexampleSearchTest {

    @Test
    void anLstmThatCountsARunOfEqualPairs_isCaughtByTheRuns_andOnlyThere() throws Exception {
        CellWeights weights = weights("lstm8-sigmoid");
        assertTrue(CounterexampleSearch.exactOnAllStrings(weights, Operator.ADD, CounterexampleSearch.EXHAUSTIVE_BITS),
                "right on every short string: only a long one shows it wrong");

        List<Candidate> found = search(weights);

        Candidate first = found.get(0);
        assertTrue(first.found().startsWith("(1,1) repeated "), first.found());
        assertTrue(longestRunOfOnePair(first) >= 20, "a run that no random string of the search holds");
        assertWrongFirstAt(weights, first);
    }

    @Test
    void anLstmWhoseLongPropagatingRunStartsWithoutACarry_isCaught() throws Exception {
        CellWeights weights = weights("lstm10-linear");

        Candidate first = search(weights).get(0);

        assertTrue(first.found().startsWith("(1,0) repeated "), first.found());
        assertTrue(longestRunOfOnePair(first) >= 20, "a run that no random string of the search holds");
        assertWrongFirstAt(weights, first);
    }

    @Test
    void aProvedNetwork_yieldsNoCandidate() throws Exception {
        assertEquals(List.of(), search(weights("rnn8-noisy")));
    }

    private static List<Candidate> search(CellWeights weights) {
        return CounterexampleSearch.search(weights, Operator.ADD, SlowestCycle.of(weights), AdderImport.SEARCH_SEED);
    }

    private static CellWeights weights(String name) throws Exception {
        return ForeignAdderReader.read(Files.readAllBytes(fixture(name)), name).weights();
    }

    /** Replays the candidate in double precision: every bit right up to {@code wrongAt}, and that one wrong. */
    private static void assertWrongFirstAt(CellWeights weights, Candidate candidate) {
        RecurrentCell cell = RecurrentCell.of(weights);
        double[] state = new double[cell.stateSize()];
        int carry = Operator.ADD.initialState();
        for (int t = 0; t <= candidate.wrongAt(); t++) {
            int a = candidate.a()[t];
            int b = candidate.b()[t];
            cell.step(state, a, b);
            int exact = Operator.ADD.output(2, carry, a, b);
            if (t < candidate.wrongAt()) {
                assertEquals(exact, cell.digit(state), "bit " + t);
            } else {
                assertNotEquals(exact, cell.digit(state), "bit " + t);
            }
            carry = Operator.ADD.next(2, carry, a, b);
        }
    }

    private static int longestRunOfOnePair(Candidate candidate) {
        int longest = 0;
        int run = 0;
        for (int t = 0; t <= candidate.wrongAt(); t++) {
            boolean same = t > 0 && candidate.a()[t] == candidate.a()[t - 1]
                    && candidate.b()[t] == candidate.b()[t - 1];
            run = same ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
