package org.deepfact.knime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.knime.core.data.DataTableSpec;

/** Structural comparison of table specs for the tensor node tests: names and types, not domains. */
public final class TensorSpecs {

    private TensorSpecs() {
    }

    /** Fails unless both specs have the same column names and types in the same order. */
    public static void assertSameStructure(final DataTableSpec expected, final DataTableSpec actual) {
        assertArrayEquals(expected.getColumnNames(), actual.getColumnNames());
        for (int c = 0; c < expected.getNumColumns(); c++) {
            assertEquals(expected.getColumnSpec(c).getType(), actual.getColumnSpec(c).getType(),
                "type of " + expected.getColumnNames()[c]);
        }
    }
}
