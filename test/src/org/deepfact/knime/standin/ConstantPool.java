package org.deepfact.knime.standin;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The references a class file makes, read from its constant pool (JVMS 4.4): every field and
 * method it uses is a {@code Fieldref}, {@code Methodref} or {@code InterfaceMethodref} there, and
 * every type it names appears in a {@code Utf8} entry (class entries, descriptors, signatures).
 */
final class ConstantPool {

    /** A field or method reference: owner in binary form ({@code a.b.C$D}), name, JVM descriptor. */
    record Ref(boolean field, String owner, String name, String descriptor) {
    }

    final List<Ref> refs = new ArrayList<>();

    final List<String> utf8 = new ArrayList<>();

    ConstantPool(final byte[] classFile) throws IOException {
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        final int count = in.readUnsignedShort();
        final String[] strings = new String[count];
        final int[] tag = new int[count];
        final int[] a = new int[count];
        final int[] b = new int[count];
        for (int i = 1; i < count; i++) {
            tag[i] = in.readUnsignedByte();
            switch (tag[i]) {
                case 1 -> strings[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> a[i] = in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 9, 10, 11, 12, 17, 18 -> {
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag[i] + " at " + i);
            }
        }
        for (int i = 1; i < count; i++) {
            if (tag[i] == 1) {
                utf8.add(strings[i]);
            } else if (tag[i] == 9 || tag[i] == 10 || tag[i] == 11) {
                final String owner = strings[a[a[i]]].replace('/', '.');
                final int nameAndType = b[i];
                refs.add(new Ref(tag[i] == 9, owner, strings[a[nameAndType]], strings[b[nameAndType]]));
            }
        }
    }
}
