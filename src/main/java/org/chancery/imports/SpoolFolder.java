package org.chancery.imports;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's folder in the spool folder, where its uploads wait while their jobs run: a folder of its own,
 * locked for the server's life (an operating-system lock, released when the process ends however it ends). At the
 * start the folders of servers that ended are deleted, their lock being free: a server killed during an import
 * leaves its upload there, up to {@code chancery.imports.max-size} each. Servers sharing the spool folder keep
 * each other's folders while they run.
 */
final class SpoolFolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpoolFolder.class);
    private static final String PREFIX = "server-";
    private static final String LOCK = ".lock";

    private final Path folder;
    private final FileChannel channel;

    private SpoolFolder(Path folder, FileChannel channel) {
        this.folder = folder;
        this.channel = channel;
    }

    /** Deletes the folders of servers that ended, then makes and locks this server's. */
    static SpoolFolder open(Path spoolDir) throws IOException {
        deleteEnded(spoolDir);
        Path folder = Files.createTempDirectory(spoolDir, PREFIX);
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new IOException("the new spool folder " + folder + " is locked by another process");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new SpoolFolder(folder, channel);
    }

    Path path() {
        return folder;
    }

    /** Releases the lock and deletes the folder, with what is left in it. */
    @Override
    public void close() {
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
                // a folder without its lock file is being made by a server starting now: it is kept
                try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.WRITE)) {
                    FileLock lock = lockFile.tryLock();
                    if (lock != null) {
                        delete(folder);
                    }
                } catch (NoSuchFileException | OverlappingFileLockException e) {
                    // being made, or held by this process (another context of it)
                } catch (IOException e) {
                    log.warn("Could not delete the spool folder {} of a server that ended", folder, e);
                }
            }
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
