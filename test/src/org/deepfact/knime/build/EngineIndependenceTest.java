package org.deepfact.knime.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The engine must stay usable without KNIME (the command line runs it headless). Its
 * module cannot compile against KNIME (no org.knime on its classpath, checked by the
 * engine's own KnimeFreeClasspathTest); this checks the jar the plugin actually embeds:
 * no engine class it ships refers to org.knime (every reference lands in the constant pool).
 */
class EngineIndependenceTest {

    private static final byte[] KNIME_INTERNAL_NAME = "org/knime".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noEngineClassRefersToKnime() throws IOException {
        BundleWiring wiring = FrameworkUtil.getBundle(getClass()).adapt(BundleWiring.class);
        Collection<String> classes = wiring.listResources("/org/deepfact/engine", "*.class",
                BundleWiring.LISTRESOURCES_RECURSE);
        assertTrue(classes.size() > 3, "found too few engine classes to check: " + classes);
        List<String> offenders = new ArrayList<>();
        for (String resource : classes) {
            URL url = wiring.getClassLoader().getResource(resource);
            try (InputStream in = url.openStream()) {
                if (contains(in.readAllBytes(), KNIME_INTERNAL_NAME)) {
                    offenders.add(resource);
                }
            }
        }
        assertTrue(offenders.isEmpty(), "engine classes refer to org.knime: " + offenders);
    }

    @Test
    void detectorFindsAKnimeReference() {
        // Guards the byte search above against silently never matching.
        byte[] classBytes = "\u0001\u0000\u001aorg/knime/core/node/NodeModel".getBytes(StandardCharsets.US_ASCII);
        assertTrue(contains(classBytes, KNIME_INTERNAL_NAME));
        assertFalse(contains("org/deepfact/engine/Foo".getBytes(StandardCharsets.US_ASCII), KNIME_INTERNAL_NAME));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
