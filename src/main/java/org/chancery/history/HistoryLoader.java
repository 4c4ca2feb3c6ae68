package org.chancery.history;

import java.io.IOException;
import java.io.InputStream;

import org.chancery.imports.ImportJob;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.ImportStatus;
import org.chancery.imports.Imports;
import org.chancery.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code history} profile: at the first start, imports the U.S. mission history that ships with
 * Chancery (Kenkel's data, CC-BY 4.0, see NOTICE) through an import job, before the application
 * reports itself ready. Once a job of the format has succeeded, a start imports nothing; a start
 * after one that stopped midway completes it (what is there answers ALREADY_PRESENT).
 */
@Component
@Profile("history")
@Order(10)
class HistoryLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryLoader.class);
    static final String RESOURCE = "/history/mission_status_range_cow_v0.1.csv";

    private final Imports imports;

    HistoryLoader(Imports imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (imports.succeededOnce(KenkelUsMissionsFormat.NAME)) {
            log.info("U.S. mission history already loaded; nothing to do.");
            return;
        }
        long started = System.nanoTime();
        try (InputStream file = HistoryLoader.class.getResourceAsStream(RESOURCE)) {
            ImportJob job;
            try {
                job = imports.runNow(imports.format(KenkelUsMissionsFormat.NAME), file, "history",
                        KenkelUsMissionsFormat.DATASET_URL);
            } catch (ConflictException running) {
                log.warn("U.S. mission history not loaded now: {} The next start loads it.", running.getMessage());
                return;
            } catch (Imports.StoppedMeanwhile stopped) {
                log.info("U.S. mission history not loaded: {} The next start loads it.", stopped.getMessage());
                return;
            }
            int rejected = job.outcomes().getOrDefault(ImportOutcome.REJECTED, 0);
            if (job.status() == ImportStatus.SUCCEEDED && rejected > 0) {
                // the file imports whole into a database without history: facts recorded before contradict it (a
                // load an earlier build began and did not finish, or facts an editor recorded)
                log.warn("U.S. mission history loaded but for {} rows that contradict facts recorded before "
                        + "(import {}: {}); its report (GET /api/imports/{}/rows?outcome=REJECTED) names them.",
                        rejected, job.id(), job.outcomes(), job.id());
            } else if (job.status() == ImportStatus.SUCCEEDED) {
                log.info("U.S. mission history loaded in {} ms (import {}: {})", (System.nanoTime() - started) / 1_000_000,
                        job.id(), job.outcomes());
            } else if (job.stoppedByCancellation()) {
                log.warn("U.S. mission history not loaded: import {} was cancelled by {}. The next start loads it.",
                        job.id(), job.cancelledBy());
            } else {
                log.error("U.S. mission history not loaded (import {}): {}", job.id(), job.error());
            }
        }
    }
}
