package org.deepfact.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTemporaryOne(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("completion-runs.csv");
        AtomicFiles.write(csv, tmp -> Files.writeString(tmp, "old\n"));
        assertThrows(IOException.class, () -> AtomicFiles.write(csv, tmp -> {
            Files.writeString(tmp, "half a ");
            throw new IOException("disk full");
        }));
        assertEquals("old\n", Files.readString(csv));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(csv), files.toList());
        }
        AtomicFiles.write(csv, tmp -> Files.writeString(tmp, "new\n"));
        assertEquals("new\n", Files.readString(csv));
    }
}
