package org.deepfact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The flat JSON writer: escaping, numbers, non-finite values, arrays. */
class JsonTest {

    @Test
    void escapesStringsAndWritesNumbers() {
        String s = new Json().put("a\"b", "x\\y\n\u0001").put("n", 3L).put("d", 1e-6).put("nan", Double.NaN)
                .put("v", new double[] {1.5, Double.POSITIVE_INFINITY}).toString();
        assertEquals("{\"a\\\"b\": \"x\\\\y\\n\\u0001\", \"n\": 3, \"d\": 1.0E-6, \"nan\": null, "
                + "\"v\": [1.5, null]}", s);
    }

    @Test
    void booleansAreJsonLiteralsNotStrings() {
        assertEquals("{\"yes\": true, \"no\": false}", new Json().put("yes", true).put("no", false).toString());
    }

    @Test
    void emptyObject() {
        assertEquals("{}", new Json().toString());
    }
}
