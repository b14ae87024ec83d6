package org.deepfact.knime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.deepfact.knime.testing.SettingsSnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Workflows saved by an earlier version must load: for every release in {@link #RELEASES} the
 * test resources {@code saved/<release>/<Factory>.settings} keep the settings each registered
 * node saved then (its defaults), and every node of today must validate and load them, keep every
 * value they contain, and give settings added since then their defaults.
 *
 * <p>When a node is added, or before a release, the newest release directory lacks its file: the
 * test then writes what the node saves today to {@code target/saved-settings/<release>/} and fails
 * asking to copy it into {@code test/src/org/deepfact/knime/saved/<release>/}. Never edit or delete
 * a kept file: it is what users' workflows contain.
 */
class SavedSettingsTest {

    /** Releases whose settings are kept, oldest first; the last one collects new nodes. */
    static final List<String> RELEASES = List.of("0.1.0", "0.2.0", "0.3.0");

    @TestFactory
    Stream<DynamicTest> everyNodeLoadsTheSettingsEarlierVersionsSaved() throws Exception {
        final List<DynamicTest> tests = new ArrayList<>();
        for (final String factory : NodeCatalogueTest.registeredFactories()) {
            for (final String release : RELEASES) {
                tests.add(DynamicTest.dynamicTest(release + " " + factory, () -> check(factory, release)));
            }
        }
        return tests.stream();
    }

    private static void check(final String factoryName, final String release) throws Exception {
        final Class<?> cls = Class.forName(factoryName);
        final String file = "saved/" + release + "/" + cls.getSimpleName() + ".settings";
        final NodeModel model = ((NodeFactory<?>)cls.getDeclaredConstructor().newInstance()).createNodeModel();
        final NodeSettings now = save(model);
        try (InputStream in = SavedSettingsTest.class.getResourceAsStream(file)) {
            if (in == null) {
                if (!release.equals(RELEASES.get(RELEASES.size() - 1))) {
                    return; // the node did not exist in that release
                }
                final Path out = Path.of("target", "saved-settings", release, cls.getSimpleName() + ".settings");
                Files.createDirectories(out.getParent());
                Files.writeString(out, SettingsSnapshot.write(now), StandardCharsets.UTF_8);
                fail(file + " is missing: copy " + out.toAbsolutePath() + " to test/src/org/deepfact/knime/" + file);
            }
            final NodeSettings old = SettingsSnapshot.read(in);
            call(model, "validateSettings", old);
            call(model, "loadValidatedSettingsFrom", old);
            final String reloaded = SettingsSnapshot.write(save(model));
            final String fresh = SettingsSnapshot.write(now);
            final Set<String> reloadedLines = Set.of(reloaded.split("\n"));
            for (final String line : SettingsSnapshot.write(old).split("\n")) {
                assertTrue(reloadedLines.contains(line), factoryName + " lost or changed the " + release
                    + " setting '" + line + "'");
            }
            // settings added since the release: their defaults
            final Set<String> oldLines = Set.of(SettingsSnapshot.write(old).split("\n"));
            for (final String line : fresh.split("\n")) {
                final String key = line.substring(0, line.indexOf('\t'));
                if (oldLines.stream().noneMatch(l -> l.startsWith(key + "\t"))) {
                    assertTrue(reloadedLines.contains(line), factoryName + ": setting " + key
                        + " (added after " + release + ") does not load its default, expected '" + line + "'");
                }
            }
        }
    }

    private static NodeSettings save(final NodeModel model) throws Exception {
        final Method save = NodeModel.class.getDeclaredMethod("saveSettingsTo", NodeSettingsWO.class);
        save.setAccessible(true);
        final NodeSettings s = new NodeSettings("model");
        save.invoke(model, s);
        return s;
    }

    private static void call(final NodeModel model, final String method, final NodeSettingsRO settings)
        throws Exception {
        final Method m = NodeModel.class.getDeclaredMethod(method, NodeSettingsRO.class);
        m.setAccessible(true);
        try {
            m.invoke(model, settings);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
