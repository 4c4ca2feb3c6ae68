package org.chancery.imports;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process trying the lock of a spool folder, as a server starting does before it deletes the folder of one
 * that ended: prints {@code taken} if it got the lock, {@code held} if another process holds it.
 */
public final class SpoolLockProbe {

    private SpoolLockProbe() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel lockFile = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            System.out.println(lockFile.tryLock() == null ? "held" : "taken");
        }
    }
}
