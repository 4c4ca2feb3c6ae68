package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads left by a server that ended (killed during an import) are deleted at the next start; a running one's kept. */
class SpoolFolderTests {

    @TempDir
    Path spool;

    @Test
    void theUploadsOfAServerThatEndedAreDeletedWhenAServerStarts() throws IOException {
        Path ended = Files.createDirectory(spool.resolve("server-123"));
        Files.createFile(ended.resolve(".lock"));
        Files.writeString(ended.resolve("import-1.upload"), "COW data");

        try (SpoolFolder started = SpoolFolder.open(spool)) {
            assertThat(ended).doesNotExist();
            assertThat(started.path()).isDirectory().hasParent(spool);
        }
    }

    @Test
    void theFolderOfARunningServerIsKeptAndAServersOwnGoesWithIt() throws IOException {
        try (SpoolFolder running = SpoolFolder.open(spool)) {
            Path upload = Files.writeString(running.path().resolve("import-2.upload"), "COW data");
            Path starting = Files.createDirectory(spool.resolve("server-456")); // its lock not made yet

            try (SpoolFolder another = SpoolFolder.open(spool)) {
                assertThat(upload).exists();
                assertThat(starting).isDirectory();
                assertThat(another.path()).isNotEqualTo(running.path());
            }
            Path closed = running.path();
            running.close();
            assertThat(closed).doesNotExist();
        }
    }
}
