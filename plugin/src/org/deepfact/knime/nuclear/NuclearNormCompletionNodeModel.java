package org.deepfact.knime.nuclear;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.deepfact.engine.data.RecoveryProblem;
import org.deepfact.engine.baseline.NuclearNormConfig;
import org.deepfact.engine.baseline.NuclearNormReport;
import org.deepfact.engine.baseline.NuclearNormResult;
import org.deepfact.engine.baseline.NuclearNormSolver;
import org.deepfact.engine.spectrum.Spectrum;
import org.deepfact.engine.train.StopReason;
import org.deepfact.knime.common.EngineCall;
import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.common.MemoryCheck;
import org.deepfact.knime.common.StatelessNodeModel;
import org.deepfact.knime.completion.CompletionTables;
import org.deepfact.knime.completion.EntriesInput;
import org.deepfact.knime.completion.EntriesSettings;
import org.deepfact.knime.completion.KeyIndex;
import org.deepfact.knime.completion.ProblemInput;
import org.deepfact.knime.port.SensingProblemPortObject;
import org.deepfact.knime.port.SensingProblemPortObjectSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.BooleanCell.BooleanCellFactory;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Nuclear Norm Completion: the paper's convex baseline, min ||X||_* subject to
 * |X_ij - y_ij| &lt;= epsilon on the observed entries (or, with the psd setting, min tr(X) over
 * PSD X). Thin: reads the entries, calls
 * {@link NuclearNormSolver#complete} once, writes the matrix, the solver report and the key mapping.
 */
public final class NuclearNormCompletionNodeModel extends StatelessNodeModel<NuclearNormSettings> {

    static final int IN_ENTRIES = 0;
    static final int IN_SENSING = 1;

    static final int OUT_MATRIX = 0;
    static final int OUT_REPORT = 1;
    static final int OUT_MAPPING = 2;

    static final String[] REPORT_COLUMNS = {"method", "converged", "iterations", "primal_residual", "dual_residual",
        "nuclear_norm", "max_violation", "seconds", "stop_reason", "train_loss", "effective_rank"};

    NuclearNormCompletionNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE_OPTIONAL, SensingProblemPortObject.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE},
            new NuclearNormSettings());
    }

    static DataTableSpec reportSpec() {
        return new DataTableSpec(new DataColumnSpecCreator(REPORT_COLUMNS[0], StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[1], BooleanCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[2], IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[3], DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[4], DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[5], DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[6], DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[7], DoubleCell.TYPE).createSpec(),
            // since 0.2.0, as in the command line's completion-runs.csv
            new DataColumnSpecCreator(REPORT_COLUMNS[8], StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[9], DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator(REPORT_COLUMNS[10], DoubleCell.TYPE).createSpec());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        EngineCall.quick("Nuclear norm settings", settings()::toConfig);
        EntriesSettings es = settings().entries();
        DataTableSpec entries = (DataTableSpec)inSpecs[IN_ENTRIES];
        SensingProblemPortObjectSpec sensing =
            inSpecs.length > IN_SENSING ? (SensingProblemPortObjectSpec)inSpecs[IN_SENSING] : null;
        if ((entries == null) == (sensing == null)) {
            throw new InvalidSettingsException("Connect either the observed entries table (port " + IN_ENTRIES
                + ") or a sensing problem (port " + IN_SENSING + ")" + (entries == null ? "" : ", not both"));
        }
        if (sensing != null) {
            if (es.isIdMode()) {
                throw new InvalidSettingsException("A sensing problem has 0-based matrix indices: set '"
                    + EntriesSettings.KEY_KEY_MODE + "' to 'index'");
            }
            EntriesInput.checkSensingShape(es, 0, sensing.cols());
            checkSquare(es.rows(), sensing.cols());
            return new PortObjectSpec[]{MatrixTable.spec(sensing.cols()), reportSpec(),
                CompletionTables.mappingSpec(CompletionTables.mappingKeyType(es, null, null))};
        }
        EntriesInput.checkEntriesSpec(entries, es, EntriesInput.OBSERVED);
        if (!es.isIdMode()) {
            // in ID mode the shape settings are ignored (a leftover there must not block the run);
            // execute checks the shape the keys give
            checkSquare(es.rows(), es.cols());
        }
        DataType keyType = CompletionTables.mappingKeyType(es, entries.getColumnSpec(es.rowColumn()).getType(),
            entries.getColumnSpec(es.columnColumn()).getType());
        DataTableSpec matrix = es.isIdMode() || es.cols() == 0 ? null : MatrixTable.spec(es.cols());
        return new PortObjectSpec[]{matrix, reportSpec(), CompletionTables.mappingSpec(keyType)};
    }

    /**
     * PSD needs a square matrix; 0 is an extent not known yet (configure), checked again at execute.
     *
     * @throws InvalidSettingsException naming the setting and the shape
     */
    private void checkSquare(final int rows, final int cols) throws InvalidSettingsException {
        if (settings().psd() && rows > 0 && cols > 0 && rows != cols) {
            throw new InvalidSettingsException("'" + NuclearNormSettings.LABEL_PSD + "' (setting '"
                + NuclearNormSettings.KEY_PSD + "') needs a square matrix, got " + rows + " x " + cols
                + "; uncheck it");
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable entries = (BufferedDataTable)inObjects[IN_ENTRIES];
        SensingProblemPortObject sensing =
            inObjects.length > IN_SENSING ? (SensingProblemPortObject)inObjects[IN_SENSING] : null;
        PortObjectSpec[] outSpecs = configure(new PortObjectSpec[]{entries == null ? null : entries.getSpec(),
            sensing == null ? null : sensing.getSpec()});
        EntriesSettings es = settings().entries();
        NuclearNormConfig config = settings().toConfig();
        exec.setMessage("reading the input");
        ProblemInput input = ProblemInput.read(entries, null, null, sensing, es, (rows, cols, operatorDoubles) ->
            MemoryCheck.requireBytes(NuclearNormSolver.estimateBytes(rows, cols, operatorDoubles),
                "the nuclear norm solver's matrices for a " + rows + " x " + cols + " matrix"
                    + (operatorDoubles > 0 ? " and its sensing operator" : "")),
            exec.createSubProgress(0.02));
        checkSquare(input.problem().rows(), input.problem().cols());
        List<String> warnings = new ArrayList<>(input.warnings());
        KeyIndex rowKeys = input.rowKeys();
        KeyIndex colKeys = input.colKeys();
        NuclearNormResult result = EngineCall.run(exec.createSubExecutionContext(0.9),
            input.problem().isCompletion() ? "Nuclear norm completion" : "Nuclear norm sensing",
            cb -> new NuclearNormSolver(config).solve(input.problem(), cb));
        RecoveryProblem problem = input.problem();
        NuclearNormReport r = result.report();
        if (!r.converged()) {
            warnings.add(String.format(Locale.ROOT,
                "Stopped at the iteration cap (%s = %d) before the residuals reached the tolerance (%s = %.1e): "
                    + "primal %.2e, dual %.2e; raise %s",
                NuclearNormSettings.KEY_MAX_ITERATIONS, config.maxIterations(), NuclearNormSettings.KEY_TOLERANCE,
                config.tolerance(), r.primalResidual(), r.dualResidual(), NuclearNormSettings.KEY_MAX_ITERATIONS));
        }
        warnings.removeIf(Objects::isNull);
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("; ", warnings));
        }
        exec.setMessage("writing the output tables");
        ExecutionContext writeExec = exec.createSubExecutionContext(0.08);
        BufferedDataTable matrix = MatrixTable.write(result.solution(), writeExec);
        BufferedDataContainer c = writeExec.createDataContainer(reportSpec());
        String stopReason = (r.converged() ? StopReason.CONVERGED : StopReason.MAX_ITERATIONS).id();
        double trainLoss = problem.meanSquaredResidual(result.solution());
        double effectiveRank = Spectrum.of(result.solution()).effectiveRank();
        c.addRowToTable(new DefaultRow(RowKey.createRowKey(0L), new StringCell(r.method()),
            BooleanCellFactory.create(r.converged()), new IntCell(r.iterations()),
            new DoubleCell(r.primalResidual()), new DoubleCell(r.dualResidual()), new DoubleCell(r.nuclearNorm()),
            new DoubleCell(r.maxViolation()), new DoubleCell(r.seconds()), new StringCell(stopReason),
            new DoubleCell(trainLoss), new DoubleCell(effectiveRank)));
        c.close();
        // the report as flow variables deepfact_<column>, named as the Learner's for the same quantity; converged
        // is left out (stop_reason says the same; a boolean variable needs KNIME's typed push)
        pushFlowVariableString(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[0], r.method());
        pushFlowVariableInt(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[2], r.iterations());
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[3], r.primalResidual());
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[4], r.dualResidual());
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[5], r.nuclearNorm());
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[6], r.maxViolation());
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[7], r.seconds());
        pushFlowVariableString(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[8], stopReason);
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[9], trainLoss);
        pushFlowVariableDouble(FLOW_VARIABLE_PREFIX + REPORT_COLUMNS[10], effectiveRank);
        DataTableSpec mappingSpec = (DataTableSpec)outSpecs[OUT_MAPPING];
        BufferedDataTable mapping = CompletionTables.writeMapping(rowKeys, colKeys,
            mappingSpec.getColumnSpec(CompletionTables.MAP_KEY).getType(), writeExec);
        return new PortObject[]{matrix, c.getTable(), mapping};
    }
}
