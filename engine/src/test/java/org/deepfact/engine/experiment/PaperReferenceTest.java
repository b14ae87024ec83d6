package org.deepfact.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class PaperReferenceTest {

    @Test
    void packagedFileHoldsScienceSection7() {
        // science.md section 7: 4 printed nuclear norms, 6 printed Fig. 3 minima, 14 errors and
        // 7 effective ranks read off Fig. 2.
        assertEquals(31, PaperReference.all().size());
        PaperReference nuc = PaperReference.find("completion", 2000, true, 0, Double.NaN, "nuclear_norm");
        assertEquals(210.15, nuc.value());
        assertEquals("210.15 (printed)", nuc.describe());
        PaperReference d3 = PaperReference.find("completion", 2000, false, 3, 1e-3, "reconstruction_error");
        assertEquals("~4e-5 (read off the plot, +-20%)", d3.describe());
        assertEquals("0.820", PaperReference.find("dynamics", 2000, false, 1, Double.NaN, "min_test_error").quoted());
        assertNull(PaperReference.find("completion", 2000, false, 3, 1e-4, "reconstruction_error"));
        for (PaperReference r : PaperReference.all()) {
            assertTrue(r.precision().equals("printed") || r.precision().equals("read off the plot, +-20%"), r.toString());
        }
    }

    @Test
    void malformedLinesAreNamed() {
        String header = "experiment,m,method,depth,init_scale,metric,value,precision,source\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PaperReference.parse(
                new BufferedReader(new StringReader(header + "completion,2000,dmf,2,x,e,1,printed,s\n"))));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PaperReference.parse(new BufferedReader(new StringReader("a,b\n"))));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
