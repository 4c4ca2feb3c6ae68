package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.chancery.support.ApiIntegrationTest;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An H2 file written with {@code WRITE_DELAY=0}, as the application's is: every commit writes a chunk, and H2's
 * background writer, which rewrote the chunks old versions left nearly empty, does not run. Chunks are let go as soon
 * as nothing needs them ({@code RETENTION_TIME=0}; the application's file keeps them 45 s), and the scheduled pass
 * waits for the test to run it.
 */
@Tag("h2-only")
@DisplayName("An H2 file kept from growing with every commit")
class H2HousekeepingIntegrationTests extends ApiIntegrationTest {

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:file:./target/h2-housekeeping/chancery-" + UUID.randomUUID()
                + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0";
        registry.add("spring.datasource.url", () -> url);
        registry.add("chancery.h2.housekeeping-every", () -> "PT1H");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    H2Housekeeping housekeeping;

    @Test
    void rewritesTheChunksThatCommitsLeftNearlyEmptySoThatTheyAreFreed() throws Exception {
        for (int i = 0; i < 300; i++) {
            newDiplomat("Clerk " + i, "FR");
        }
        long left = chunks();

        housekeeping.rewriteSparseChunks();
        for (int i = 0; i < 3; i++) {
            newDiplomat("After " + i, "FR"); // the commits after a rewrite free the chunks it emptied
        }

        long kept = chunks();
        assertThat(left).as("chunks that 300 commits left").isGreaterThan(50);
        assertThat(kept).as("of %s", left).isLessThan(left / 5);
    }

    private long chunks() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = H2Housekeeping.fileStore(connection);
            assertThat(store).as("the store of a file").isNotNull();
            return store.getFileStore().getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk."))
                    .count();
        }
    }
}
