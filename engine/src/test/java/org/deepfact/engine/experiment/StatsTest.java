package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void meanAndSampleStandardDeviation() {
        Stats s = Stats.of(1, 2, 3, 4);
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3.0), s.std(), 1e-15);
        assertEquals(1, s.min());
        assertEquals(4, s.max());
    }

    @Test
    void singleValueHasZeroSpreadAndNaNIsLeftOut() {
        Stats s = Stats.of(Double.NaN, 3);
        assertEquals(1, s.n());
        assertEquals(1, s.missing());
        assertEquals(3, s.mean());
        assertEquals(0, s.std());
        Stats none = Stats.of(Double.NaN);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()));
    }

    @Test
    void lowerBarStaysPositiveForLogAxes() {
        Stats wide = Stats.of(1e-5, 1e-1, 1e-3);
        assertTrue(wide.mean() - wide.std() < 0);
        assertEquals(1e-5, wide.lowerBarPositive());
        Stats narrow = Stats.of(1.0, 1.1);
        assertEquals(narrow.mean() - narrow.std(), narrow.lowerBarPositive());
    }

    record Row(String group, double value) {
    }

    @Test
    void aggregationKeepsFirstAppearanceOrder() {
        List<Row> rows = List.of(new Row("b", 1), new Row("a", 10), new Row("b", 3), new Row("a", 20));
        Map<String, Stats> byGroup = Aggregation.summarize(rows, Row::group, Row::value);
        assertEquals(List.of("b", "a"), List.copyOf(byGroup.keySet()));
        assertEquals(2, byGroup.get("b").mean());
        assertEquals(15, byGroup.get("a").mean());
        assertEquals(List.of(rows.get(0), rows.get(2)), Aggregation.groups(rows, Row::group).get("b"));
    }
}
