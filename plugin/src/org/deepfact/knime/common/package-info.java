/**
 * Shared plumbing of the DeepFact nodes: table contracts, the missing-value policy, memory
 * checks, progress/cancel adapters and spec checks. Nothing here computes; numbers live in
 * {@code org.deepfact.engine}.
 *
 * <h2>Table contracts</h2>
 * <ul>
 * <li><b>Matrix table</b> ({@link org.deepfact.knime.common.MatrixTable}): one row per matrix
 * row (in table order), one numeric column per matrix column (in column order). Any column
 * readable as {@code DoubleValue} (Double, Integer, Long) is accepted. Written tables use
 * columns {@code col_0 .. col_{n-1}} of type Double and row keys {@code Row0, Row1, ...}.</li>
 * <li><b>Entries table</b> ({@link org.deepfact.knime.common.EntriesTable}): columns
 * {@code row} (Integer), {@code column} (Integer), {@code value} (Double), 0-based indices, one
 * row per entry; the column names are selectable ({@link org.deepfact.knime.common.EntryColumnSettings}).
 * Index columns must be Integer or Long; the value column any numeric type.</li>
 * </ul>
 *
 * <h2>Missing values and NaN</h2>
 * A missing cell, a NaN or an infinite value in an input table is an error whose message names
 * the row key and the column ({@link org.deepfact.knime.common.CellReader}). Nothing is skipped
 * or imputed silently: remove or fill missing values upstream (e.g. with KNIME's Missing Value
 * node). An index cell that is negative or exceeds the int range is an error as well. On output,
 * the engine's NaN (a value that does not exist) is written as a missing cell
 * ({@link org.deepfact.knime.common.Cells}).
 *
 * <h2>configure() == execute()</h2>
 * Every node computes its output specs with one static method used by both {@code configure}
 * and {@code execute} (the latter creates its containers from exactly those specs), so the two
 * cannot drift apart; the tests compare them.
 */
package org.deepfact.knime.common;
