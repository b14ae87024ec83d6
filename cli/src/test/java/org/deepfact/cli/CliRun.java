package org.deepfact.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/** One in-process run of {@code deepfact ...} with captured stdout and stderr. */
final class CliRun {

    final int code;
    final String out;
    final String err;

    CliRun(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        code = cl.execute(args);
        out = o.toString();
        err = e.toString();
    }

    /** @return the raw JSON text of a scalar member of the printed flat object (fails if absent) */
    String field(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (\"[^\"]*\"|[^,}\\]]+)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no field " + key + " in " + out);
        }
        return m.group(1);
    }

    double number(String key) {
        return Double.parseDouble(field(key));
    }

    /** @return the numbers of an array member */
    double[] numbers(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": \\[([^\\]]*)\\]").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no array " + key + " in " + out);
        }
        String body = m.group(1).trim();
        if (body.isEmpty()) {
            return new double[0];
        }
        String[] parts = body.split(",\\s*");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }
}
