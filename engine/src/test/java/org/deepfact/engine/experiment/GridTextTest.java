package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GridTextTest {

    @Test
    void roundTripsEveryGridSettingExactly() {
        SweepGrid g = SweepGrid.paper(Problem.SENSING, -42);
        String text = GridText.encode(g);
        assertEquals(g, GridText.decode(text));
        assertEquals(g.runs(), GridText.decode(text).runs());
        assertTrue(text.startsWith("problem=SENSING;rows=100;cols=100;rank=5;ms=2000,5000;"), text);
        assertTrue(text.contains("initScales=0.001,1.0E-4,1.0E-5,1.0E-6"), text);
        SweepGrid odd = new SweepGrid(Problem.COMPLETION, 7, 9, 1, List.of(3), List.of(), true, List.of(0.1 + 0.2),
                List.of(), 2, g.init(), g.optimizer(), 0, 0, 1e-3, Long.MIN_VALUE);
        assertEquals(odd, GridText.decode(GridText.encode(odd)));
        SweepGrid noisy = g.withVaryData(true).withNoiseStd(0.1 + 0.2);
        assertTrue(GridText.encode(noisy).endsWith(";varyData=true;noiseStd=0.30000000000000004"),
                GridText.encode(noisy));
        assertEquals(noisy, GridText.decode(GridText.encode(noisy)));
        assertEquals(noisy.runs(), GridText.decode(GridText.encode(noisy)).runs());
        assertEquals(List.of("noiseStd: 0.0 vs 0.30000000000000004"), GridText.differences(
                GridText.encode(g.withVaryData(true)), GridText.encode(noisy)));
    }

    /** A grid text of a version before a setting existed (e.g. an old shard) is refused, naming it. */
    @Test
    void refusesATextOfAnOlderVersionNamingTheMissingSetting() {
        String old = GridText.encode(SweepGrid.paper(Problem.COMPLETION, 1)).replace(";noiseStd=0.0", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridText.decode(old));
        assertEquals("Grid description has no setting 'noiseStd' (written by an older version of deepfact? run "
                + "it again with this one)", e.getMessage());
    }

    @Test
    void fingerprintAndDifferencesTellGridsApart() {
        SweepGrid a = SweepGrid.paper(Problem.COMPLETION, 1);
        SweepGrid b = SweepGrid.paper(Problem.COMPLETION, 2);
        assertEquals(16, GridText.fingerprint(a).length());
        assertEquals(GridText.fingerprint(a), GridText.fingerprint(SweepGrid.paper(Problem.COMPLETION, 1)));
        assertNotEquals(GridText.fingerprint(a), GridText.fingerprint(b));
        assertEquals(List.of("seed: 1 vs 2"), GridText.differences(GridText.encode(a), GridText.encode(b)));
    }

    @Test
    void refusesMalformedTextsNamingTheSetting() {
        String text = GridText.encode(SweepGrid.paper(Problem.COMPLETION, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GridText.decode(text.replace(";seed=1", "")))
                .getMessage().contains("no setting 'seed'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GridText.decode(text + ";extra=1"))
                .getMessage().contains("unknown setting(s) [extra]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GridText.decode(text.replace("rows=100",
                "rows=x"))).getMessage().contains("rows=x is malformed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GridText.decode(text.replace("rank=5",
                "rank=500"))).getMessage().contains("Rank must be in"));
        assertThrows(IllegalArgumentException.class, () -> GridText.decode(""));
    }
}
