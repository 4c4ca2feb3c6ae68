package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryExistence;
import org.chancery.meeting.MeetingDraft;
import org.chancery.meeting.Meetings;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row lock not granted in time is the same refusal wherever the statement ran, JDBC or Hibernate: a
 * {@link PessimisticLockingFailureException}, which the API answers 409 {@code CONCURRENT_MODIFICATION}. (A country's
 * lock, taken with JDBC, was a query timeout on H2, answered 503, and unknown on PostgreSQL, answered 500; a meeting's
 * pair total, written with plain JDBC inside Hibernate, was Hibernate's own exception, answered 500.)
 */
class LockNotGrantedIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private CountryExistence existence;

    @Autowired
    private Meetings meetings;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Value("${spring.datasource.url}")
    private String url;

    @Test
    void aCountryLockNotGrantedInTimeIsAConcurrentModification() throws Exception {
        // the row locked as a change of the country's lifetime locks it
        Throwable refused = whileHeld(() -> jdbc.sql("select code from country where code = 'CU' for update")
                        .query(String.class).single(),
                () -> existence.lock(new CountryCode("CU"), new CountryCode("KR")));

        assertThat(refused).isInstanceOf(PessimisticLockingFailureException.class);
    }

    @Test
    void aMeetingWhosePairsTotalIsHeldByAnotherWriterIsRefusedAsAConcurrentModification() throws Exception {
        long chung = newDiplomat("Chung Byung-won", "KR");
        long martinez = newDiplomat("Eugenio Martínez", "CU");
        MeetingDraft meeting = new MeetingDraft(LocalDate.of(2024, 5, 22), null, "Seoul", "KR", null, null, List.of(),
                List.of(new MeetingDraft.Attendee(chung, null), new MeetingDraft.Attendee(martinez, null)), List.of());
        postAsEditor("/api/meetings", """
                {"date": "2024-05-21", "city": "Seoul", "country": "KR",
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(chung, martinez))
                .andExpect(status().isCreated());

        Throwable refused = whileHeld(() -> assertThat(jdbc.sql("update meeting_pair_total set meetings = meetings"
                        + " where country_a = 'CU' and country_b = 'KR'").update()).isOne(),
                () -> meetings.record(meeting));

        assertThat(refused).isInstanceOf(PessimisticLockingFailureException.class);
    }

    /**
     * What {@code write} throws when it waits for a lock that another transaction took with {@code hold} and keeps,
     * its transaction's lock timeout cut to 300 ms.
     */
    private Throwable whileHeld(Runnable hold, Runnable write) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    hold.run();
                    held.countDown();
                    awaitQuietly(done);
                }));
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            boolean postgres = url.startsWith("jdbc:postgresql:");
            return catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                // PostgreSQL's setting ends with the transaction; H2's with the session, whose connection goes back to
                // the pool: set back to the tests' 10 s (application.properties)
                jdbc.sql(postgres ? "set local lock_timeout = 300" : "set lock_timeout 300").update();
                try {
                    write.run();
                } finally {
                    if (!postgres) {
                        jdbc.sql("set lock_timeout 10000").update();
                    }
                }
            }));
        } finally {
            done.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
