package org.chancery.bench;

import javax.sql.DataSource;

import org.chancery.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * With the {@code bench} profile, fills an empty database with the {@link SyntheticWorld} of
 * {@code chancery.bench.scale} (default 1) and {@code chancery.bench.seed} at start-up, before the
 * application reports itself ready; a database that already holds data is left as it is.
 */
@Component
@Profile("bench")
class BenchWorld implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchWorld.class);

    private final WorldWriter writer;
    private final Today today;
    private final double scale;
    private final long seed;

    BenchWorld(DataSource dataSource, PlatformTransactionManager transactions, Today today,
            @Value("${chancery.bench.scale:1}") double scale,
            @Value("${chancery.bench.seed:" + SyntheticWorld.DEFAULT_SEED + "}") long seed) {
        this.writer = new WorldWriter(dataSource, transactions);
        this.today = today;
        this.scale = scale;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Writes the world unless the database already holds data; answers whether it wrote it. */
    boolean load() {
        if (writer.holdsData()) {
            log.info("Bench world not loaded: the database already holds data.");
            return false;
        }
        log.info("Bench world: generating scale {} with seed {} for {}", scale, seed, today.date());
        SyntheticWorld world = SyntheticWorld.plan(seed, scale, today.date(), writer.countries());
        writer.write(world);
        log.info("Bench world ready: the relation with a long history and many meetings is {}–{}",
                SyntheticWorld.LONG_PAIR_A, SyntheticWorld.LONG_PAIR_B);
        return true;
    }
}
