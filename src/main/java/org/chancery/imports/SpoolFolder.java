package org.chancery.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's folder in the spool folder, where its uploads wait while their jobs run: a folder of its own,
 * locked for the server's life (an operating-system lock, released when the process ends however it ends). At the
 * start the folders of servers that ended are deleted, their lock being free: a server killed during an import
 * leaves its upload there, up to {@code chancery.imports.max-size} each. Servers sharing the spool folder keep
 * each other's folders while they run.
 *
 * <p>The spool folder is in {@code java.io.tmpdir} unless configured, where cleaners such as systemd-tmpfiles
 * delete what has not changed for days: a running server touches its lock file every hour and makes it, or its
 * folder, again if one was deleted ({@link #keep}). A folder without a lock file is kept while it is younger than a
 * day (a server starting now makes its lock at once, a running one within the hour); an older one is a server's
 * that ended after its lock file had been deleted, and goes.
 *
 * <p>The lock is a POSIX record lock: closing any descriptor of the lock file that the process opened releases it,
 * whichever channel took it. So the lock file is touched through the channel holding the lock, never opened anew
 * (as setting its time does), and a start in this process (another application context) does not open the lock
 * files of the folders this process holds.
 */
final class SpoolFolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpoolFolder.class);
    private static final String PREFIX = "server-";
    private static final String LOCK = ".lock";
    /** How long a folder without its lock file is kept: far longer than {@link #keep}'s interval. */
    static final Duration UNLOCKED_KEPT = Duration.ofDays(1);

    /** What {@link #keep} writes to the lock file, which only its time is read of. */
    private static final byte[] TOUCH = {'.'};

    /** The folders this process holds, whose lock files it must not open again. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private FileChannel channel;

    private SpoolFolder(Path folder, FileChannel channel) {
        this.folder = folder;
        this.channel = channel;
    }

    /** Deletes the folders of servers that ended, then makes and locks this server's. */
    static SpoolFolder open(Path spoolDir) throws IOException {
        deleteEnded(spoolDir);
        Path folder = Files.createTempDirectory(spoolDir, PREFIX);
        // held before its lock is taken: another context's start meanwhile does not open its lock file
        HELD.add(key(folder));
        try {
            return new SpoolFolder(folder, lock(folder));
        } catch (IOException | RuntimeException e) {
            HELD.remove(key(folder));
            throw e;
        }
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    private static FileChannel lock(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new IOException("the spool folder " + folder + " is locked by another process");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    Path path() {
        return folder;
    }

    /**
     * Keeps this server's folder from looking abandoned: touches the lock file, or makes the folder and the lock
     * file again and locks it if a cleaner deleted them (the lock on a deleted file guards nothing). Every hour, and
     * before each upload is spooled.
     */
    synchronized void keep() throws IOException {
        Path lockFile = folder.resolve(LOCK);
        if (Files.exists(lockFile)) {
            // written through the channel holding the lock: setting the file's time opens and closes it, which
            // would release the lock, and another server starting would take this folder for an ended server's
            channel.write(ByteBuffer.wrap(TOUCH), 0);
            return;
        }
        log.warn("The spool folder {} or its lock file was deleted while the server ran (a temporary files' "
                + "cleaner?); it is made again", folder);
        if (Files.notExists(folder)) {
            Files.createDirectories(folder.getParent());
            // readable by this server's user only, as createTempDirectory made it
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        }
        FileChannel relocked = lock(folder);
        channel.close();
        channel = relocked;
    }

    /** Releases the lock and deletes the folder, with what is left in it. */
    @Override
    public synchronized void close() {
        HELD.remove(key(folder));
        try {
            channel.close();
            delete(folder);
        } catch (IOException e) {
            log.warn("Could not delete the spool folder {}", folder, e);
        }
    }

    private static void deleteEnded(Path spoolDir) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(spoolDir, PREFIX + "*")) {
            for (Path folder : folders) {
                if (HELD.contains(key(folder))) {
                    continue; // this process's (another context's): opening its lock file would release the lock
                }
                try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.WRITE)) {
                    FileLock lock = lockFile.tryLock();
                    if (lock != null) {
                        delete(folder);
                    }
                } catch (NoSuchFileException e) {
                    deleteIfLongUnlocked(folder);
                } catch (OverlappingFileLockException e) {
                    // held by this process (another context of it)
                } catch (IOException e) {
                    log.warn("Could not delete the spool folder {} of a server that ended", folder, e);
                }
            }
        }
    }

    /** A folder without a lock file: being made by a server starting now, or its lock deleted by a cleaner. */
    private static void deleteIfLongUnlocked(Path folder) {
        try {
            if (Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(UNLOCKED_KEPT))) {
                delete(folder);
            }
        } catch (NoSuchFileException e) {
            // deleted meanwhile by another server starting
        } catch (IOException e) {
            log.warn("Could not delete the spool folder {} of a server that ended", folder, e);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (Files.notExists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
