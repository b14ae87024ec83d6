package org.deepfact.knime.testing;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;

/** The class files a bundle holds itself: {@code getEntryPaths} looks neither into fragments nor into embedded jars. */
public final class BundleClasses {

    private BundleClasses() {
    }

    /** @return the paths of the .class entries under {@code dir} (such as "org/deepfact/knime/"), nested ones too */
    public static List<String> entries(final Bundle bundle, final String dir) {
        final List<String> out = new ArrayList<>();
        collect(bundle, dir, out);
        return out;
    }

    /** @return the binary class name of a .class entry path */
    public static String className(final String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static void collect(final Bundle bundle, final String dir, final List<String> out) {
        final Enumeration<String> paths = bundle.getEntryPaths(dir);
        while (paths != null && paths.hasMoreElements()) {
            final String p = paths.nextElement();
            if (p.endsWith("/")) {
                collect(bundle, p, out);
            } else if (p.endsWith(".class")) {
                out.add(p);
            }
        }
    }
}
