package io.neuraladder.train.imports;

import static io.neuraladder.train.imports.PyTorchFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.PieceCoverSearch;
import io.neuraladder.train.certify.PieceCoverSearch.Result;
import io.neuraladder.train.certify.PieceCoverSearch.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link PieceCoverSearch#searchThenSlowlyGrowing}: a GRU that forgets slowly (the fixture gru8-noisy
 * keeps 0.935 of a change of state per pair) is covered only by pieces that grow slowly, and a search
 * that fails both ways says how each failed. Cut off by size, so that no verdict depends on the machine.
 */
class SlowlyGrowingCoverTest {

    private static final Settings CAPPED = new Settings(2, 2, 1e-3, 1.5, 13_000, Duration.ofMinutes(5));

    @Test
    void aGruThatForgetsSlowly_isCoveredByPiecesThatGrowSlowly_andNotOtherwise() throws IOException {
        CellWeights gru = weights("gru8-noisy");
        Result fast = PieceCoverSearch.search(gru, Operator.ADD, CAPPED);
        assertFalse(fast.closed(), fast.summary());
        assertTrue(fast.failure().contains("grew past 13,000 pieces"), fast.failure());

        Result slow = PieceCoverSearch.searchThenSlowlyGrowing(gru, Operator.ADD, CAPPED);
        assertTrue(slow.closed(), slow.summary());
        assertEquals(1.05, slow.settings().grow());
        assertEquals(5e-3, slow.settings().minRadius());
        assertTrue(slow.pieces() <= 13_000, slow.summary());
    }

    @Test
    void aCoverThatFailsBothWays_reportsBothFailures() throws IOException {
        Result result = PieceCoverSearch.searchThenSlowlyGrowing(weights("lstm16-sigmoid-batch-first"), Operator.ADD,
                CAPPED);
        assertFalse(result.closed());
        assertTrue(result.failure().matches("the cover grew past [0-9,]+ pieces .*; then, with pieces 1\\.05× their "
                + "images plus 0\\.005: the cover grew past [0-9,]+ pieces .*"), result.failure());
        assertNull(result.proof());
    }

    @Test
    void aFirstSearchOutOfTime_isNotFollowedByASecond() throws IOException {
        Settings oneSecond = new Settings(2, 2, 1e-3, 1.5, 1_000_000, Duration.ofSeconds(1));
        Result result = PieceCoverSearch.searchThenSlowlyGrowing(weights("gru6-linear-gemm"), Operator.ADD, oneSecond);
        assertFalse(result.closed());
        assertTrue(result.failure().startsWith("no closed cover within 1 s"), result.failure());
        assertFalse(result.failure().contains("then"), result.failure());
        assertEquals(1.5, result.settings().grow());
    }

    private static CellWeights weights(String name) throws IOException {
        return ForeignAdderReader.read(Files.readAllBytes(fixture(name)), name).weights();
    }
}
