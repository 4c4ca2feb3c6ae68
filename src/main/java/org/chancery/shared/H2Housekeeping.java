package org.chancery.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps an H2 file from growing with every commit. {@code WRITE_DELAY=0} (a commit is in the file before it is
 * answered) also stops H2's background writer, which alone rewrote the chunks that old versions left nearly empty:
 * every commit then wrote a chunk that stayed, held in the heap and on disk until the next start (two imports of the
 * same 20,000 rows left 18,449 chunks and an 812 MB file). This rewrites them every few seconds, as the writer would;
 * once rewritten they are freed by the commits that follow, and the file reuses their space. Only an H2 file the
 * application opens itself is looked after: PostgreSQL (whose connections it leaves alone) and H2 in memory need
 * nothing, and an H2 server keeps its own files. A server that is stopping starts no pass, so that none is interrupted
 * writing.
 */
@Component
class H2Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    /**
     * A pass rewrites chunks while the live share of all chunks is below this (H2's own auto-compaction fill rate),
     * the sparsest first.
     */
    static final int TARGET_FILL_RATE = 90;

    /**
     * At most this many bytes of live pages rewritten in one step; the store is locked for a step (0.1–0.2 s on two
     * busy cores), and the commits that wait for it go first before the next.
     */
    private static final int STEP = 4 * 1024 * 1024;

    /** At most this many steps in one pass (16 MB). */
    private static final int STEPS = 4;

    private final DataSource dataSource;

    private final boolean h2;

    private final Settling settling = new Settling();

    private volatile boolean stopping;

    H2Housekeeping(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
        this.dataSource = dataSource;
        this.h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    @Scheduled(initialDelayString = "${chancery.h2.housekeeping-every:PT10S}",
            fixedDelayString = "${chancery.h2.housekeeping-every:PT10S}")
    void rewriteSparseChunks() {
        if (!h2 || stopping) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store != null) {
                rewrite(store);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("H2's chunks not rewritten this time: {}", e.toString());
        }
    }

    private void rewrite(MVStore store) {
        FileStore<?> file = store.getFileStore();
        int fillRate = file.getChunksFillRate();
        if (!settling.passWanted(file.getWriteCount(), fillRate, System.nanoTime(),
                TimeUnit.MILLISECONDS.toNanos(file.getRetentionTime()))) {
            return;
        }
        long started = System.nanoTime();
        int steps = 0;
        while (steps < STEPS && !stopping && store.compact(TARGET_FILL_RATE, STEP)) {
            steps++;
        }
        settling.passDone(file.getWriteCount());
        log.debug("H2 housekeeping: chunks {} % live, then {} %; {} step(s) in {} ms", fillRate,
                file.getChunksFillRate(), steps, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
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

    /**
     * When a pass is worth its writes. The space a pass empties is counted free only once H2's retention time has
     * passed, so a pass may raise the live share of the chunks only later; but a share that has not risen for twice
     * the retention time while nothing else wrote has settled below the target (old versions' pages the retention
     * keeps, chunks as full as rewriting makes them): passes would then rewrite the same pages for ever (measured
     * after a 310,000-row import: 16 MB every 10 s at 66 %, as long as the server ran). They stop until something
     * else writes.
     */
    static final class Settling {

        private long writesAfterLastPass = -1;

        private int bestFillRate = -1;

        private long risenAt;

        /** Whether a pass should run now, the store's writes so far and its chunks' live share given. */
        boolean passWanted(long writes, int fillRate, long now, long retention) {
            if (writes != writesAfterLastPass || fillRate > bestFillRate) {
                bestFillRate = fillRate; // written since (new garbage, perhaps) or risen: watched afresh
                risenAt = now;
            }
            return fillRate < TARGET_FILL_RATE && now - risenAt <= 2 * retention;
        }

        /** After a pass: what the store had written by its end, the pass's own writes included. */
        void passDone(long writes) {
            writesAfterLastPass = writes;
        }
    }
}
