package org.deepfact.knime.testing;

import java.util.function.IntBinaryOperator;

import org.deepfact.engine.data.Observations;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/**
 * A small completion problem for node tests: a target matrix given by a formula and a fixed list
 * of observed positions, as an entries table (columns row, column, value) and as engine data.
 */
public final class EntriesFixture {

    /** The default entries-table spec: row (Int), column (Int), value (Double). */
    public static final DataTableSpec ENTRIES = new DataTableSpec(new String[]{"row", "column", "value"},
        new DataType[]{IntCell.TYPE, IntCell.TYPE, DoubleCell.TYPE});

    /** The value of the target at (i, j). */
    @FunctionalInterface
    public interface Target {
        double at(int i, int j);
    }

    private final int m_rows;

    private final int m_cols;

    private final Target m_target;

    private final int[][] m_positions;

    /** @param positions the observed (row, column) pairs in table order */
    public EntriesFixture(final int rows, final int cols, final Target target, final int[][] positions) {
        m_rows = rows;
        m_cols = cols;
        m_target = target;
        m_positions = positions;
    }

    /** @return the positions (i, j) of a rows x cols matrix where {@code keep(i, j) != 0}, row-major */
    public static int[][] positions(final int rows, final int cols, final IntBinaryOperator keep) {
        return java.util.stream.IntStream.range(0, rows * cols).mapToObj(k -> new int[]{k / cols, k % cols})
            .filter(p -> keep.applyAsInt(p[0], p[1]) != 0).toArray(int[][]::new);
    }

    public int[][] positions() {
        return m_positions;
    }

    /** @return the observed entries as an entries table with {@link #ENTRIES} */
    public BufferedDataTable table(final ExecutionContext exec) {
        final Object[][] rows = new Object[m_positions.length][];
        for (int k = 0; k < rows.length; k++) {
            final int[] p = m_positions[k];
            rows[k] = new Object[]{p[0], p[1], m_target.at(p[0], p[1])};
        }
        return NodeTestSupport.table(exec, ENTRIES, rows);
    }

    /** @return the observed entries as engine data of the full shape */
    public Observations observations() {
        final int n = m_positions.length;
        final int[] r = new int[n];
        final int[] c = new int[n];
        final double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = m_positions[k][0];
            c[k] = m_positions[k][1];
            v[k] = m_target.at(r[k], c[k]);
        }
        return Observations.of(m_rows, m_cols, r, c, v);
    }

    /** @return the whole target matrix */
    public double[][] truth() {
        final double[][] t = new double[m_rows][m_cols];
        for (int i = 0; i < m_rows; i++) {
            for (int j = 0; j < m_cols; j++) {
                t[i][j] = m_target.at(i, j);
            }
        }
        return t;
    }

    /** @return the matrix as a Java array (for assertArrayEquals against a table) */
    public static double[][] toArray(final DMatrixRMaj m) {
        final double[][] a = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                a[i][j] = m.get(i, j);
            }
        }
        return a;
    }
}
