package org.chancery.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps an H2 file from growing with every commit. {@code WRITE_DELAY=0} (a commit is in the file before it is
 * answered) also stops H2's background writer, which alone rewrote the chunks that old versions left nearly empty:
 * every commit then wrote a chunk that stayed, held in the heap and on disk until the next start (two imports of the
 * same 20,000 rows left 18,449 chunks and an 812 MB file). A pass every few seconds moves the live pages of the
 * sparsest chunks, as the writer would: the stores that follow write them, and once H2's retention time has passed the
 * emptied chunks are freed and the file reuses their space. Only an H2 file the application opens itself is looked
 * after: PostgreSQL (whose connections it leaves alone) and H2 in memory need nothing, and an H2 server keeps its own
 * files. A server that is stopping starts no pass, so that none is interrupted writing.
 */
@Component
@EnableConfigurationProperties(H2HousekeepingProperties.class)
class H2Housekeeping implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    /**
     * A pass runs while the live share of the chunks old enough to be rewritten (older than the retention time, as H2's
     * own writer counts them) is below this (H2's auto-compaction fill rate), and rewrites the sparsest first.
     */
    static final int TARGET_FILL_RATE = 90;

    /**
     * At most this many bytes of live pages moved in one step; the store is locked for a step (0.1–0.2 s on two busy
     * cores), and the commits that wait for it go first before the next.
     */
    private static final int STEP = 4 * 1024 * 1024;

    /** At most this many steps in one pass (16 MB). */
    private static final int STEPS = 4;

    private final DataSource dataSource;

    private final boolean h2;

    private final Settling settling = new Settling();

    private volatile boolean stopping;

    private final Duration every;

    H2Housekeeping(DataSource dataSource, @Value("${spring.datasource.url:}") String url,
            H2HousekeepingProperties properties) {
        this.dataSource = dataSource;
        this.h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
        this.every = properties.housekeepingEvery();
    }

    /** A pass every {@code chancery.h2.housekeeping-every}, the first as long after the start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(new Pass(), every, every));
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    /** A pass, named so in the list of scheduled tasks. */
    private final class Pass implements Runnable {
        @Override
        public void run() {
            rewriteSparseChunks();
        }

        @Override
        public String toString() {
            return "H2 housekeeping pass";
        }
    }

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
        int fillRate = rewritableFillRate(file);
        long retention = TimeUnit.MILLISECONDS.toNanos(file.getRetentionTime());
        if (!settling.passWanted(fillRate, System.nanoTime(), retention)) {
            return;
        }
        long started = System.nanoTime();
        int steps = 0;
        while (steps < STEPS && !stopping && store.compact(TARGET_FILL_RATE, STEP)) {
            steps++;
        }
        if (log.isDebugEnabled()) {
            log.debug("H2 housekeeping: chunks older than the retention time {} % live; {} step(s) in {} ms",
                    fillRate, steps, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** The live share of the chunks old enough to be rewritten, in per cent, as H2 reports it. */
    static int rewritableFillRate(FileStore<?> file) {
        int[] rate = {100};
        file.populateInfo((key, value) -> {
            if ("info.CHUNKS_FILL_RATE_RW".equals(key)) {
                rate[0] = Integer.parseInt(value);
            }
        });
        return rate[0];
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
     * When a pass is worth its work. After a big import the share rises to about two thirds and stays there whatever
     * passes do (measured after the COW import on the bench world, counting all chunks or only those past the retention
     * time), and passes would move the same pages again and again: 16 MB every 10 s, for as long as the server ran,
     * whether or not anything else wrote meanwhile. A share that has not risen for twice the retention time (the chunks
     * a pass empties count as free only after it) has settled, and passes stop; they start again once the commits that
     * follow have left a share {@value #WAKE_AFTER} points below the one they settled at. A share that falls as much
     * while passes run (an import's garbage) is watched afresh from there.
     */
    static final class Settling {

        static final int WAKE_AFTER = 5;

        private boolean settled;

        private int bestFillRate = -1;

        private long risenAt;

        /**
         * Whether a pass should run now, the live share of the rewritable chunks given; a negative retention time
         * (H2's "none") counts as none.
         */
        boolean passWanted(int fillRate, long now, long retention) {
            if (fillRate >= TARGET_FILL_RATE || settled && fillRate > bestFillRate - WAKE_AFTER) {
                return false;
            }
            settled = false;
            if (fillRate > bestFillRate || fillRate <= bestFillRate - WAKE_AFTER) {
                bestFillRate = fillRate;
                risenAt = now;
            }
            if (now - risenAt > 2 * Math.max(0, retention)) {
                settled = true;
                bestFillRate = fillRate; // where it settled, which a wake is counted from
                return false;
            }
            return true;
        }
    }
}
