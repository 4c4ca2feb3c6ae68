package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads left by a server that ended (killed during an import) are deleted at the next start; a running one's kept,
 * also when a temporary files' cleaner deleted its lock file.
 */
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

    @Test
    void aLockFileThatACleanerDeletedIsMadeAgainAndLockedSoTheRunningServersUploadsAreKept() throws IOException {
        try (SpoolFolder running = SpoolFolder.open(spool)) {
            Files.delete(running.path().resolve(".lock"));
            running.keep();
            Path upload = Files.writeString(running.path().resolve("import-3.upload"), "COW data");
            Files.setLastModifiedTime(running.path(), daysAgo(30));

            try (SpoolFolder another = SpoolFolder.open(spool)) {
                assertThat(running.path().resolve(".lock")).exists();
                assertThat(upload).exists();
            }
        }
    }

    @Test
    void aFolderThatACleanerDeletedIsMadeAgainWithItsLock() throws IOException {
        try (SpoolFolder running = SpoolFolder.open(spool)) {
            Files.delete(running.path().resolve(".lock"));
            Files.delete(running.path());
            running.keep();

            assertThat(running.path().resolve(".lock")).exists();
            if (running.path().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(running.path())))
                        .isEqualTo("rwx------");
            }
        }
    }

    @Test
    void keepingTouchesTheLockFileSoAnAgeBasedCleanerLeavesIt() throws IOException {
        try (SpoolFolder running = SpoolFolder.open(spool)) {
            Path lock = running.path().resolve(".lock");
            Files.setLastModifiedTime(lock, daysAgo(30));
            running.keep();

            assertThat(Files.getLastModifiedTime(lock).toInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
        }
    }

    @Test
    void aFolderWithoutALockFileForMoreThanADayIsAServersThatEndedAndGoes() throws IOException {
        Path ended = Files.createDirectory(spool.resolve("server-789"));
        Files.writeString(ended.resolve("import-4.upload"), "COW data");
        Files.setLastModifiedTime(ended, daysAgo(2));
        Path starting = Files.createDirectory(spool.resolve("server-790"));

        try (SpoolFolder started = SpoolFolder.open(spool)) {
            assertThat(ended).doesNotExist();
            assertThat(starting).isDirectory();
        }
    }

    @Test
    void keepingTheFolderLeavesItsLockHeldSoAServerStartingMeanwhileKeepsIt() throws Exception {
        try (SpoolFolder running = SpoolFolder.open(spool)) {
            running.keep();

            assertThat(lockTakenByAnotherProcess(running.path())).isFalse();
        }
    }

    @Test
    void aServerStartingInThisProcessLeavesTheLocksOfItsFoldersHeld() throws Exception {
        Path unlocked = Files.createDirectory(spool.resolve("server-791"));
        Files.createFile(unlocked.resolve(".lock"));
        assertThat(lockTakenByAnotherProcess(unlocked)).as("a lock nobody holds").isTrue();

        try (SpoolFolder running = SpoolFolder.open(spool); SpoolFolder another = SpoolFolder.open(spool)) {
            assertThat(unlocked).as("an ended server's").doesNotExist();
            assertThat(lockTakenByAnotherProcess(running.path())).isFalse();
            assertThat(lockTakenByAnotherProcess(another.path())).isFalse();
        }
    }

    /** Whether another process gets the folder's lock, as a server starting does before it deletes the folder. */
    private static boolean lockTakenByAnotherProcess(Path folder) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SpoolLockProbe.class.getName(),
                folder.resolve(".lock").toString()).redirectErrorStream(true).start();
        String answer = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(probe.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(answer).isIn("taken", "held");
        return answer.equals("taken");
    }

    private static FileTime daysAgo(int days) {
        return FileTime.from(Instant.now().minus(Duration.ofDays(days)));
    }
}
