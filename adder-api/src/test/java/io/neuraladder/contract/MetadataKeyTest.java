package io.neuraladder.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataKeyTest {

    @Test
    void keys_areNamespacedAndUnique() {
        var keys = Arrays.stream(MetadataKey.values()).map(MetadataKey::key).toList();
        assertEquals(keys.size(), keys.stream().distinct().count());
        assertTrue(keys.stream().allMatch(k -> k.startsWith("neuraladder.")));
    }

    @Test
    void fromKey_findsKnownKeys_andNothingElse() {
        assertEquals(Optional.of(MetadataKey.CONTRACT_VERSION), MetadataKey.fromKey("neuraladder.contract_version"));
        assertEquals(Optional.empty(), MetadataKey.fromKey("contract_version"));
    }
}
