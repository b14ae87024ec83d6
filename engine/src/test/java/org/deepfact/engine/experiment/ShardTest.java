package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void shardsAreDisjointCoverTheGridAndDealRoundRobin() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            all.add(i);
        }
        List<Integer> seen = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            Shard s = new Shard(k, 4);
            List<Integer> part = s.select(all);
            assertEquals(s.positions(11), part);
            for (int i : part) {
                assertTrue(s.contains(i));
                assertEquals(k, i % 4 + 1);
            }
            seen.addAll(part);
        }
        seen.sort(null);
        assertEquals(all, seen);
        assertEquals(List.of(1, 5, 9), new Shard(2, 4).positions(11));
        assertEquals(List.of(), new Shard(4, 4).positions(3));
        assertEquals(all, Shard.ALL.select(all));
    }

    @Test
    void parsesKOverNAndNamesBadValues() {
        assertEquals(new Shard(2, 8), Shard.parse(" 2/8 "));
        assertEquals("2/8", new Shard(2, 8).toString());
        for (String bad : new String[] {"", "2", "2/", "/8", "a/8", "2/8/1", "-1/8", "2.0/8", "2 / 8"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/4")).getMessage()
                .contains("numbered from 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4")).getMessage()
                .contains("1 <= K <= N, got 5/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("1/0"));
    }
}
