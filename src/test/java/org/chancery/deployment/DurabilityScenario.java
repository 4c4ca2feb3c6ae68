package org.chancery.deployment;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance killed (SIGKILL) in the middle of a stream of writes from several clients, then
 * started again on the same database: every write it acknowledged with a 2xx is still there, the
 * rules of API.md hold, and it takes new writes.
 */
abstract class DurabilityScenario {

    /** Writes acknowledged before the kill. */
    private static final int ACKNOWLEDGED = 80;

    @TempDir
    Path workDirectory;

    /** Arguments that put the instance on the database under test. */
    protected abstract List<String> databaseArguments();

    /** Names the instances and their logs. */
    protected abstract String database();

    @Test
    void keepsEveryAcknowledgedWriteWhenKilledMidStream() throws Exception {
        WriteStream stream;
        try (ApplicationProcess instance = ApplicationProcess.start(database() + "-before-kill", workDirectory, databaseArguments())) {
            stream = WriteStream.prepare(instance.api());
            stream.start(instance.api());
            stream.awaitAcknowledged(ACKNOWLEDGED, 60);
            instance.kill();
            stream.awaitClientsStopped();
        }
        try (ApplicationProcess instance = ApplicationProcess.start(database() + "-after-kill", workDirectory, databaseArguments())) {
            stream.verify(instance.api());
        }
    }
}
