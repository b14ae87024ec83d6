package org.deepfact.knime.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The engine must stay usable without KNIME (the command line runs it headless), so
 * nothing under org.deepfact.engine may refer to org.knime: checked in the compiled
 * classes (every reference lands in the constant pool) and in the sources (imports,
 * even unused ones).
 */
class EngineIndependenceTest {

    private static final byte[] KNIME_INTERNAL_NAME = "org/knime".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern KNIME_IN_SOURCE = Pattern.compile("\\borg\\s*\\.\\s*knime\\b");

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
    void noEngineSourceImportsKnime() throws IOException {
        String sources = System.getProperty("deepfact.pluginSources");
        assertFalse(sources == null, "system property deepfact.pluginSources is not set (see test/pom.xml)");
        Path engine = Paths.get(sources, "org", "deepfact", "engine");
        assertTrue(Files.isDirectory(engine), "no engine sources at " + engine);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(engine)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (KNIME_IN_SOURCE.matcher(Files.readString(file)).find()) {
                    offenders.add(engine.relativize(file).toString());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "engine sources mention org.knime: " + offenders);
    }

    @Test
    void detectorFindsAKnimeReference() {
        // Guards the byte search above against silently never matching.
        byte[] classBytes = "\u0001\u0000\u001aorg/knime/core/node/NodeModel".getBytes(StandardCharsets.US_ASCII);
        assertTrue(contains(classBytes, KNIME_INTERNAL_NAME));
        assertFalse(contains("org/deepfact/engine/Foo".getBytes(StandardCharsets.US_ASCII), KNIME_INTERNAL_NAME));
        assertTrue(KNIME_IN_SOURCE.matcher("import org.knime.core.node.NodeModel;").find());
        assertFalse(KNIME_IN_SOURCE.matcher("import org.knimeish.Foo; // org.knimes").find());
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
