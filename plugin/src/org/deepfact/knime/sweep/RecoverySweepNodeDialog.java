package org.deepfact.knime.sweep;

import org.deepfact.knime.common.DialogComponentText;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Recovery Sweep: problem, grid lists, protocol, execution. */
final class RecoverySweepNodeDialog extends DefaultNodeSettingsPane {

    RecoverySweepNodeDialog() {
        SweepSettings s = new SweepSettings();
        createNewGroup("Problem");
        addDialogComponent(new DialogComponentStringSelection(s.m_problem, "Problem", SweepSettings.PROBLEMS));
        addDialogComponent(new DialogComponentNumber(s.m_rows, "Rows", 10));
        addDialogComponent(new DialogComponentNumber(s.m_cols, "Columns", 10));
        addDialogComponent(new DialogComponentNumber(s.m_rank, "Rank", 1));
        closeCurrentGroup();
        createNewGroup("Grid (comma-separated lists)");
        addDialogComponent(new DialogComponentText(s.m_ms, SweepSettings.LABEL_MS, 20));
        addDialogComponent(new DialogComponentText(s.m_depths, SweepSettings.LABEL_DEPTHS, 20));
        addDialogComponent(new DialogComponentText(s.m_scales, SweepSettings.LABEL_SCALES, 20));
        addDialogComponent(new DialogComponentText(s.m_lrs, SweepSettings.LABEL_LRS, 20));
        addDialogComponent(new DialogComponentNumber(s.m_repeats, "Repeats", 1));
        closeCurrentGroup();
        createNewGroup("Protocol");
        addDialogComponent(new DialogComponentStringSelection(s.m_init, "Initialisation", SweepSettings.INITS));
        addDialogComponent(new DialogComponentStringSelection(s.m_optimizer, "Optimizer", SweepSettings.OPTIMIZERS));
        addDialogComponent(new DialogComponentNumber(s.m_lossThreshold, "Stop at train loss", 1e-7));
        addDialogComponent(new DialogComponentNumber(s.m_maxIterations, "Maximum iterations per run", 10_000));
        addDialogComponent(new DialogComponentNumber(s.m_epsilon, "Nuclear-norm constraint slack", 1e-4));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(s.m_threads, "Parallel runs (threads)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Master seed", 1));
        closeCurrentGroup();
    }
}
