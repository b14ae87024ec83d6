package org.deepfact.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.deepfact.knime.common.MatrixTable;
import org.deepfact.knime.testing.BundleClasses;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The node catalogue as registered in plugin.xml: every registered factory has its description
 * XML and a 16 x 16 icon beside it, every documented option names a real settings key and every
 * settings key is documented, and every node factory in the plugin is registered.
 *
 * <p><b>Convention</b> (node description XML): each {@code <option>} documents exactly one setting
 * and its {@code name} attribute ends with {@code (key: <settings key>)}, e.g.
 * {@code <option name="Rows (key: rows)">}. The keys of a node are learned by saving its default
 * settings ({@code NodeModel.saveSettingsTo}) into a {@code NodeSettings} and taking the top-level
 * {@code keySet()} minus the {@code <key>_Internals} entries KNIME's settings models add.
 * The test covers every factory in plugin.xml, including nodes added later.
 */
class NodeCatalogueTest {

    private static final Pattern KEY_MARKER = Pattern.compile("\\(key: ([A-Za-z0-9_.-]+)\\)\\s*$");

    private static final String CATEGORY = "/community/deepfact";

    private static Document parse(final InputStream in) throws Exception {
        final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (in) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static Document pluginXml() throws Exception {
        final InputStream in = NodeCatalogueTest.class.getClassLoader().getResourceAsStream("plugin.xml");
        assertNotNull(in, "plugin.xml is not on the class path (the bundle root must be)");
        return parse(in);
    }

    private static List<Element> elements(final Document d, final String tag) {
        final NodeList l = d.getElementsByTagNameNS("*", tag);
        final List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element)l.item(i));
        }
        return out;
    }

    static List<String> registeredFactories() throws Exception {
        return elements(pluginXml(), "node").stream().map(e -> e.getAttribute("factory-class"))
            .collect(Collectors.toList());
    }

    @Test
    void categoryAndPortTypeAreRegistered() throws Exception {
        final Document d = pluginXml();
        final List<Element> cats = elements(d, "category");
        assertEquals(1, cats.size(), "one DeepFact category");
        final Element c = cats.get(0);
        assertEquals("DeepFact", c.getAttribute("name"));
        assertEquals("/community", c.getAttribute("path"));
        assertEquals("deepfact", c.getAttribute("level-id"));
        assertIcon(NodeCatalogueTest.class.getClassLoader().getResource(c.getAttribute("icon")),
            "category icon " + c.getAttribute("icon"));
        for (final Element n : elements(d, "node")) {
            assertEquals(CATEGORY, n.getAttribute("category-path"), n.getAttribute("factory-class"));
        }
        final List<Element> ports = elements(d, "portType");
        assertFalse(ports.isEmpty(), "the sensing problem port type is registered");
        for (final Element p : ports) {
            final Class<?> obj = Class.forName(p.getAttribute("objectClass"));
            assertTrue(PortObject.class.isAssignableFrom(obj), obj + " is a PortObject");
            assertEquals(obj.getMethod("getSpec").getReturnType(), Class.forName(p.getAttribute("specClass")),
                "specClass is what getSpec() returns");
            assertFalse(p.getAttribute("name").isEmpty());
            // Without its serializers KNIME cannot save the port in a workflow.
            assertEquals(obj, Class.forName(p.getAttribute("objectSerializer")).getDeclaringClass(),
                "objectSerializer is nested in " + obj.getName());
            assertEquals(Class.forName(p.getAttribute("specClass")),
                Class.forName(p.getAttribute("specSerializer")).getDeclaringClass(),
                "specSerializer is nested in the spec class");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRegisteredNodeIsDescribedAndItsOptionsMatchItsSettings() throws Exception {
        final List<String> factories = registeredFactories();
        assertFalse(factories.isEmpty(), "no nodes registered in plugin.xml");
        return factories.stream().map(name -> DynamicTest.dynamicTest(name, () -> checkNode(name)));
    }

    private static void checkNode(final String factoryName) throws Exception {
        final Class<?> cls = Class.forName(factoryName);
        assertTrue(NodeFactory.class.isAssignableFrom(cls), factoryName + " extends NodeFactory");
        final NodeFactory<?> factory = (NodeFactory<?>)cls.getDeclaredConstructor().newInstance();
        final URL xml = cls.getResource(cls.getSimpleName() + ".xml");
        assertNotNull(xml, cls.getSimpleName() + ".xml must lie beside the factory");
        final Document d = parse(xml.openStream());
        final Element root = d.getDocumentElement();
        assertEquals("knimeNode", root.getLocalName());
        assertEquals("http://knime.org/node/v4.1", root.getNamespaceURI(), "description schema");
        assertTrue(Set.of("Source", "Manipulator", "Learner", "Predictor", "Other", "Sink", "Visualizer")
            .contains(root.getAttribute("type")), "node type " + root.getAttribute("type"));
        // Icon paths ("./x.png", KNIME's convention) are relative to the factory's package;
        // OSGi class loaders do not normalise "./" in resource names, so strip it here.
        final String icon = root.getAttribute("icon").replaceFirst("^\\./", "");
        assertIcon(cls.getResource(icon), factoryName + " icon " + root.getAttribute("icon"));
        for (final String tag : new String[]{"name", "shortDescription", "intro"}) {
            assertFalse(elements(d, tag).isEmpty() || elements(d, tag).get(0).getTextContent().isBlank(),
                factoryName + " has a <" + tag + ">");
        }
        final Set<String> documented = new TreeSet<>();
        for (final Element o : elements(d, "option")) {
            final Matcher m = KEY_MARKER.matcher(o.getAttribute("name"));
            assertTrue(m.find(), factoryName + ": option '" + o.getAttribute("name")
                + "' must end with (key: <settings key>)");
            assertTrue(documented.add(m.group(1)), factoryName + ": key " + m.group(1) + " documented twice");
            assertFalse(o.getTextContent().isBlank(), factoryName + ": option " + m.group(1) + " has no text");
        }
        final NodeModel model = factory.createNodeModel();
        assertEquals(settingsKeys(model), documented, factoryName + ": documented options vs settings keys");
        checkPorts(d, model, factoryName);
        checkDialog(factory, factoryName);
    }

    /** The dialog must build (headless Swing is enough) when the factory says it has one. */
    private static void checkDialog(final NodeFactory<?> factory, final String factoryName) throws Exception {
        final Method has = NodeFactory.class.getDeclaredMethod("hasDialog");
        has.setAccessible(true);
        if ((Boolean)has.invoke(factory)) {
            final Method create = NodeFactory.class.getDeclaredMethod("createNodeDialogPane");
            create.setAccessible(true);
            assertNotNull(create.invoke(factory), factoryName + ": hasDialog() but no dialog");
        }
    }

    private static Set<String> settingsKeys(final NodeModel model) throws Exception {
        final Method save = NodeModel.class.getDeclaredMethod("saveSettingsTo", NodeSettingsWO.class);
        save.setAccessible(true);
        final NodeSettings s = new NodeSettings("defaults");
        save.invoke(model, s);
        return s.keySet().stream().filter(k -> !k.endsWith("_Internals")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void checkPorts(final Document d, final NodeModel model, final String factoryName)
        throws Exception {
        for (final String[] kind : new String[][]{{"inPort", "getNrInPorts"}, {"outPort", "getNrOutPorts"}}) {
            final Method count = NodeModel.class.getDeclaredMethod(kind[1]);
            count.setAccessible(true);
            final int n = (Integer)count.invoke(model);
            final List<Element> ports = elements(d, kind[0]);
            assertEquals(n, ports.size(), factoryName + ": number of <" + kind[0] + ">");
            final Set<Integer> indices = new TreeSet<>();
            for (final Element p : ports) {
                indices.add(Integer.parseInt(p.getAttribute("index")));
                assertFalse(p.getAttribute("name").isEmpty(), factoryName + ": " + kind[0] + " without name");
            }
            for (int i = 0; i < n; i++) {
                assertTrue(indices.contains(i), factoryName + ": " + kind[0] + " index " + i + " is documented");
            }
        }
    }

    private static void assertIcon(final URL url, final String what) throws IOException {
        assertNotNull(url, what + " not found");
        final BufferedImage img;
        try (InputStream in = url.openStream()) {
            img = ImageIO.read(in);
        }
        assertNotNull(img, what + " is not a readable image");
        assertEquals(16, img.getWidth(), what + " width");
        assertEquals(16, img.getHeight(), what + " height");
    }

    @Test
    void everyNodeFactoryOfThePluginIsRegistered() throws Exception {
        final List<String> classNames = pluginClassNames();
        assertTrue(classNames.size() > 20, "plugin classes could not be listed: " + classNames);
        final Set<String> registered = new TreeSet<>(registeredFactories());
        final List<String> missing = new ArrayList<>();
        for (final String name : classNames) {
            final Class<?> c = Class.forName(name, false, MatrixTable.class.getClassLoader());
            if (NodeFactory.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())
                && !registered.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            fail("Node factories not registered in plugin.xml: " + missing);
        }
    }

    /** Class names under org/deepfact/knime in the location the plugin's classes were loaded from. */
    private static List<String> pluginClassNames() throws IOException, URISyntaxException {
        final Bundle bundle = FrameworkUtil.getBundle(MatrixTable.class);
        if (bundle != null) {
            // Inside OSGi: the plugin bundle's own entries (getEntryPaths leaves out the test fragment).
            return BundleClasses.entries(bundle, "org/deepfact/knime/").stream().filter(n -> !n.contains("$"))
                .map(BundleClasses::className).collect(Collectors.toList());
        }
        final URL loc = MatrixTable.class.getProtectionDomain().getCodeSource() == null ? null
            : MatrixTable.class.getProtectionDomain().getCodeSource().getLocation();
        final List<String> out = new ArrayList<>();
        if (loc == null || !"file".equals(loc.getProtocol())) {
            return out;
        }
        final File f = new File(loc.toURI());
        if (f.isDirectory()) {
            final Path root = f.toPath();
            final Path pkg = root.resolve("org/deepfact/knime");
            if (Files.isDirectory(pkg)) {
                try (Stream<Path> s = Files.walk(pkg)) {
                    s.map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
                        .filter(n -> n.endsWith(".class") && !n.contains("$")).forEach(n -> out.add(BundleClasses.className(n)));
                }
            }
        } else if (f.isFile()) {
            try (JarFile jar = new JarFile(f)) {
                for (final Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    final String n = e.nextElement().getName();
                    if (n.startsWith("org/deepfact/knime/") && n.endsWith(".class") && !n.contains("$")) {
                        out.add(BundleClasses.className(n));
                    }
                }
            }
        }
        return out;
    }

}
