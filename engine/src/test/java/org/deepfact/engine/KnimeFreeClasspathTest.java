package org.deepfact.engine;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The engine module must not see KNIME: the command line runs it headless, and the
 * compiler keeps org.knime out only while no KNIME jar is on this module's classpath.
 * A dependency that drags KNIME in (directly or transitively) fails here.
 */
class KnimeFreeClasspathTest {

    @Test
    void noKnimeClassOrPackageIsOnTheClasspath() {
        ClassLoader loader = getClass().getClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.knime.core.node.NodeModel", false, loader));
        assertNull(loader.getResource("org/knime"), "an org/knime folder is on the engine's classpath");
        assertNull(loader.getResource("org/knime/core/node/NodeModel.class"));
    }
}
