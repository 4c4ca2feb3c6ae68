package org.chancery.history;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

import org.chancery.imports.ImportJob;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.ImportStatus;
import org.chancery.imports.Imports;
import org.chancery.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The {@code history} profile: at the first start, imports the U.S. mission history that ships with
 * Chancery (Kenkel's data, CC-BY 4.0, see NOTICE) through an import job, before the application
 * reports itself ready. Once a job of the format has succeeded, a start imports nothing; a start
 * after one that stopped midway completes it (what is there answers ALREADY_PRESENT). While another import runs
 * (another instance sharing the database loading the same history, or an administrator's import), the start waits
 * for it to end, still not ready, and then imports nothing if that job loaded the history.
 */
@Component
@Profile("history")
@Order(10)
class HistoryLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryLoader.class);
    static final String RESOURCE = "/history/mission_status_range_cow_v0.1.csv";

    /** How often a start waiting for another import asks whether it has ended; its waiting said once a minute. */
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int POLLS_BETWEEN_NOTES = 60;

    private final Imports imports;
    private final Duration poll;

    @Autowired
    HistoryLoader(Imports imports) {
        this(imports, POLL);
    }

    HistoryLoader(Imports imports, Duration poll) {
        this.imports = imports;
        this.poll = poll;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (imports.succeededOnce(KenkelUsMissionsFormat.NAME)) {
            log.info("U.S. mission history already loaded; nothing to do.");
            return;
        }
        long started = System.nanoTime();
        ImportJob job;
        while (true) {
            try (InputStream file = HistoryLoader.class.getResourceAsStream(RESOURCE)) {
                job = imports.runNow(imports.format(KenkelUsMissionsFormat.NAME), file, "history",
                        KenkelUsMissionsFormat.DATASET_URL);
                break;
            } catch (ConflictException running) {
                log.info("U.S. mission history waits: {}", running.getMessage());
                if (!awaitNoImportRunning()) {
                    log.info("U.S. mission history not loaded: the server stopped (or the database did not answer) "
                            + "while it waited. The next start loads it.");
                    return;
                }
                if (imports.succeededOnce(KenkelUsMissionsFormat.NAME)) {
                    log.info("U.S. mission history loaded meanwhile by another import (another instance's start); "
                            + "nothing to do.");
                    return;
                }
            } catch (Imports.StoppedMeanwhile stopped) {
                log.info("U.S. mission history not loaded: {} The next start loads it.", stopped.getMessage());
                return;
            }
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

    /**
     * Waits until no import runs; false if the server stops meanwhile (or the thread is interrupted), or if the
     * database cannot say (the load is then left to the next start, as before it waited).
     */
    private boolean awaitNoImportRunning() {
        int polls = 0;
        while (true) {
            Optional<ImportJob> running;
            try {
                if (imports.stopping()) {
                    return false;
                }
                running = imports.running();
            } catch (DataAccessException | IllegalStateException unanswered) {
                log.warn("U.S. mission history stops waiting: {}", unanswered.getMessage());
                return false;
            }
            if (running.isEmpty()) {
                return true;
            }
            if (++polls % POLLS_BETWEEN_NOTES == 0) {
                ImportJob job = running.get();
                log.info("U.S. mission history still waits for import {} ({}, {} of {} rows done)", job.id(),
                        job.format(), job.rowsDone(), job.rowsTotal());
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
