package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryExistence;
import org.chancery.diplomat.Diplomats;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.LockWaits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A meeting locks its countries before its diplomats, in the order every writer of facts takes them (a head of
 * mission's appointment, an accreditation: the countries, then the diplomat): two such writes sharing a diplomat
 * and a country at the same moment never wait on each other in a circle.
 */
class MeetingLockOrderIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private CountryExistence existence;

    @Autowired
    private Diplomats diplomats;

    @Autowired
    private Meetings meetings;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aMeetingWaitsForItsCountriesBeforeItLocksItsDiplomatsAsAnAppointmentDoes() throws Exception {
        long chung = newDiplomat("Chung Byung-won", "KR");
        long pereira = newDiplomat("Eugenio Martínez", "CU");
        String meeting = """
                {"date": "2024-05-22", "city": "Seoul", "country": "KR",
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(chung, pereira);
        CountDownLatch countriesLocked = new CountDownLatch(1);
        CountDownLatch meetingUnderWay = new CountDownLatch(1);

        // another writer, as a head's appointment naming Chung: the countries first, then the diplomat
        CompletableFuture<Duration> appointment = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    existence.lock(new CountryCode("CU"), new CountryCode("KR"));
                    countriesLocked.countDown();
                    awaitSignal(meetingUnderWay);
                    long started = System.nanoTime();
                    diplomats.lockedReference(chung, "diplomatId");
                    return Duration.ofNanos(System.nanoTime() - started);
                }));
        assertThat(countriesLocked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> recorded = CompletableFuture.supplyAsync(() -> {
            try {
                return postAsEditor("/api/meetings", meeting).andReturn().getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the meeting reaches its first lock and waits there (on H2; PostgreSQL's shared locks of the countries let it
        // pass, to the diplomat, whom the appointment has not locked yet)
        try {
            LockWaits.awaitAWaitForALock(jdbc, recorded::isDone);
        } finally {
            meetingUnderWay.countDown();
        }

        assertThat(appointment.get(30, TimeUnit.SECONDS)).as("the appointment's wait for the diplomat")
                .isLessThan(Duration.ofSeconds(5)); // a wait for the lock ends in 10 s
        MockHttpServletResponse answer = recorded.get(30, TimeUnit.SECONDS);
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
    }

    @Test
    void aRenamingWaitsForTheDeletionOfOneOfTheDiplomatsMeetingsAndRecordsNoChangeOfItAfterItsDeletion()
            throws Exception {
        long chung = newDiplomat("Chung Byung-won", "KR");
        long pereira = newDiplomat("Eugenio Martínez", "CU");
        String meeting = """
                {"date": "2024-05-22", "city": "Seoul", "country": "KR",
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""";
        long deleted = json(postAsEditor("/api/meetings", meeting.formatted(chung, pereira))).get("id").asLong();
        long kept = json(postAsEditor("/api/meetings", meeting.formatted(pereira, chung))).get("id").asLong();
        CountDownLatch deleting = new CountDownLatch(1);
        CountDownLatch renamingUnderWay = new CountDownLatch(1);

        // another request deletes one of the meetings and has not committed yet
        CompletableFuture<Void> deletion = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    meetings.delete(deleted);
                    deleting.countDown();
                    awaitSignal(renamingUnderWay);
                }));
        assertThat(deleting.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> renamed = CompletableFuture.supplyAsync(() -> {
            try {
                return putAsEditor("/api/diplomats/{id}", "{\"name\": \"Chung Byung-won (renamed)\", \"country\": "
                        + "\"KR\"}", chung).andReturn().getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            LockWaits.awaitAWaitForALock(jdbc, renamed::isDone);
            assertThat(renamed).as("the renaming waits for the deletion under way").isNotDone();
        } finally {
            renamingUnderWay.countDown();
        }
        deletion.get(30, TimeUnit.SECONDS);
        MockHttpServletResponse answer = renamed.get(30, TimeUnit.SECONDS);

        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
        assertThat(jdbc.queryForList("select action from change_log where kind = 'meeting' and fact_id = ? order by id",
                String.class, String.valueOf(deleted))).containsExactly("CREATED", "DELETED");
        assertThat(jdbc.queryForList("select action from change_log where kind = 'meeting' and fact_id = ? order by id",
                String.class, String.valueOf(kept))).containsExactly("CREATED", "UPDATED");
    }

    /**
     * Waits for the test's signal inside the other writer's transaction; without it (30 s) that writer fails
     * instead of going on, since the lock order under test would not have been exercised.
     */
    private static void awaitSignal(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the request under test never reached its lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
