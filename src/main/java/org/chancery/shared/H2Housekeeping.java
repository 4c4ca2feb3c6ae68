package org.chancery.shared;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps an H2 file from growing with every commit. {@code WRITE_DELAY=0} (a commit is in the file before it is
 * answered) also stops H2's background writer, which alone rewrote the chunks that old versions left nearly empty:
 * every commit then wrote a chunk that stayed, held in the heap and on disk until the next start (a 20,000-row import
 * left 20,000 chunks and a gigabyte). This rewrites them every few seconds, as the writer would; once rewritten they
 * are freed by the commits that follow, and the file reuses their space. PostgreSQL, and H2 in memory, need nothing.
 */
@Component
class H2Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    /** Chunks whose live share is below this are rewritten (H2's own auto-compaction fill rate). */
    static final int TARGET_FILL_RATE = 90;

    /** At most this many bytes of live pages rewritten in one pass. */
    private static final int WRITE_LIMIT = 16 * 1024 * 1024;

    private final DataSource dataSource;

    H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${chancery.h2.housekeeping-every:PT10S}",
            fixedDelayString = "${chancery.h2.housekeeping-every:PT10S}")
    void rewriteSparseChunks() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store != null) {
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("H2's chunks not rewritten this time: {}", e.toString());
        }
    }

    /** The store of an H2 database kept in a file, or null (PostgreSQL, H2 in memory). */
    static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null; // H2 over TCP: its server keeps the file
        }
        var database = session.getDatabase();
        if (!database.isPersistent() || database.getStore() == null) {
            return null;
        }
        MVStore store = database.getStore().getMvStore();
        return store.getFileStore() == null || store.isReadOnly() ? null : store;
    }
}
