package org.deepfact.engine.experiment;

/**
 * Per-run seeds derived from a master seed and a run's grid coordinates, never from the order
 * in which runs execute. The same master seed and the same key give the same seed on every
 * machine and for any thread count; different keys give statistically independent seeds.
 *
 * <p>A key is a readable text naming the random stream and the coordinates it depends on, e.g.
 * {@code "init|m=2000|depth=3|scale=1.0E-4|lr=0.001|repeat=2"}. It is hashed with 64-bit
 * FNV-1a over its UTF-16 code units and the hash is combined with the master seed through the
 * SplitMix64 finaliser (Steele, Lea, Flood 2014), which scrambles every input bit into every
 * output bit.
 */
public final class Seeds {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private Seeds() {
    }

    /**
     * @param master the user's seed (e.g. {@code --seed})
     * @param key the stream name and grid coordinates; must not be null
     * @return a seed that depends only on {@code master} and {@code key}
     */
    public static long derive(long master, String key) {
        if (key == null) {
            throw new IllegalArgumentException("Seed key must be given");
        }
        long h = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(mix(master + GOLDEN) ^ mix(h));
    }

    /**
     * Builds a canonical key from a stream name and alternating coordinate names and values,
     * e.g. {@code key("init", "m", 2000, "depth", 3)} gives {@code "init|m=2000|depth=3"}.
     * Doubles are written with {@link Double#toString}, so 1e-4 and 0.0001 give the same key.
     *
     * @throws IllegalArgumentException when the coordinates do not come in name/value pairs
     */
    public static String key(String stream, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Seed key coordinates must come in name/value pairs");
        }
        StringBuilder b = new StringBuilder(stream);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            String text = v instanceof Number num && !(v instanceof Double) && !(v instanceof Float)
                    ? Long.toString(num.longValue())
                    : v instanceof Number num ? Double.toString(num.doubleValue()) : String.valueOf(v);
            b.append('|').append(namesAndValues[i]).append('=').append(text);
        }
        return b.toString();
    }

    /** SplitMix64 finaliser: a bijection on 64-bit values with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
