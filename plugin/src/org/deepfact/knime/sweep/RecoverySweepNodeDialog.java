package org.deepfact.knime.sweep;

import org.deepfact.knime.common.DialogComponentText;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the Recovery Sweep: problem, grid lists, protocol, execution. */
final class RecoverySweepNodeDialog extends DefaultNodeSettingsPane {

    RecoverySweepNodeDialog() {
        SweepSettings s = new SweepSettings();
        createNewGroup(SweepSettings.LABEL_PROBLEM);
        addDialogComponent(
            new DialogComponentStringSelection(s.m_problem, SweepSettings.LABEL_PROBLEM, SweepSettings.PROBLEMS));
        addDialogComponent(new DialogComponentNumber(s.m_rows, SweepSettings.LABEL_ROWS, 10));
        addDialogComponent(new DialogComponentNumber(s.m_cols, SweepSettings.LABEL_COLS, 10));
        addDialogComponent(new DialogComponentNumber(s.m_rank, SweepSettings.LABEL_RANK, 1));
        closeCurrentGroup();
        createNewGroup("Grid (comma-separated lists)");
        addDialogComponent(new DialogComponentText(s.m_ms, SweepSettings.LABEL_MS, 20));
        addDialogComponent(new DialogComponentText(s.m_depths, SweepSettings.LABEL_DEPTHS, 20));
        addDialogComponent(new DialogComponentText(s.m_scales, SweepSettings.LABEL_SCALES, 20));
        addDialogComponent(new DialogComponentText(s.m_lrs, SweepSettings.LABEL_LRS, 20));
        addDialogComponent(new DialogComponentNumber(s.m_repeats, SweepSettings.LABEL_REPEATS, 1));
        closeCurrentGroup();
        createNewGroup("Protocol");
        addDialogComponent(new DialogComponentStringSelection(s.m_init, SweepSettings.LABEL_INIT, SweepSettings.INITS));
        addDialogComponent(new DialogComponentStringSelection(s.m_optimizer, SweepSettings.LABEL_OPTIMIZER,
            SweepSettings.OPTIMIZERS));
        addDialogComponent(new DialogComponentNumber(s.m_lossThreshold, SweepSettings.LABEL_LOSS_THRESHOLD, 1e-7));
        addDialogComponent(new DialogComponentNumber(s.m_maxIterations, SweepSettings.LABEL_MAX_ITERATIONS, 10_000));
        addDialogComponent(new DialogComponentNumber(s.m_epsilon, SweepSettings.LABEL_EPSILON, 1e-4));
        addDialogComponent(new DialogComponentNumber(s.m_noise, SweepSettings.LABEL_NOISE, 0.01));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(s.m_threads, SweepSettings.LABEL_THREADS, 1));
        addDialogComponent(new DialogComponentNumber(s.m_seed, SweepSettings.LABEL_SEED, 1));
        closeCurrentGroup();
    }
}
