package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL a read-only transaction reads the database as it stood at its first statement, whatever commits
 * meanwhile (its default let each statement see what committed before it); a writing one reads what has committed,
 * as before, and so does every transaction on H2.
 */
class SnapshotReadsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    @AfterEach
    void nameTuvaluAgain() {
        jdbc.update("update country set name = 'Tuvalu' where code = 'TV'");
    }

    @Test
    void aReadOnlyTransactionReadsItsFirstStatementsSnapshotToItsEndOnPostgresqlAndWhatCommittedMeanwhileOnH2()
            throws Exception {
        List<String> read = readAcrossARenaming(true, TransactionDefinition.ISOLATION_DEFAULT,
                "Tuvalu (renamed while read)");

        if (DatabaseProduct.isPostgres(dataSource)) {
            assertThat(read).containsExactly("Tuvalu", "Tuvalu");
        } else {
            // one instance, whose reads at repeatable read H2 answered up to 44 times slower
            assertThat(read).containsExactly("Tuvalu", "Tuvalu (renamed while read)");
        }
        assertThat(name()).isEqualTo("Tuvalu (renamed while read)");
    }

    @Test
    void aWritingTransactionReadsWhatCommittedMeanwhileAsBefore() throws Exception {
        List<String> read = readAcrossARenaming(false, TransactionDefinition.ISOLATION_DEFAULT,
                "Tuvalu (renamed again)");

        assertThat(read).containsExactly("Tuvalu", "Tuvalu (renamed again)");
    }

    @Test
    void aReadOnlyTransactionAskingForReadCommittedReadsWhatCommittedMeanwhile() throws Exception {
        List<String> read = readAcrossARenaming(true, TransactionDefinition.ISOLATION_READ_COMMITTED,
                "Tuvalu (renamed, read committed)");

        assertThat(read).containsExactly("Tuvalu", "Tuvalu (renamed, read committed)");
    }

    @Test
    void anIsolationAskedForIsKept() {
        TransactionTemplate asked = new TransactionTemplate(transactions);
        asked.setReadOnly(true);
        asked.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);

        assertThat(SnapshotReads.SnapshotReadingDialect.readsOneSnapshot(asked)).isFalse();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        assertThat(SnapshotReads.SnapshotReadingDialect.readsOneSnapshot(readOnly)).isTrue();
        assertThat(SnapshotReads.SnapshotReadingDialect.readsOneSnapshot(new TransactionTemplate(transactions)))
                .isFalse();
    }

    /** The country's name read twice in one transaction, a renaming committed by another between the two. */
    private List<String> readAcrossARenaming(boolean readOnly, int isolation, String newName) throws Exception {
        jdbc.update("update country set name = 'Tuvalu' where code = 'TV'");
        TransactionTemplate reading = new TransactionTemplate(transactions);
        reading.setReadOnly(readOnly);
        reading.setIsolationLevel(isolation);
        List<String> read = new ArrayList<>();
        reading.executeWithoutResult(status -> {
            read.add(name());
            try {
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(
                        other -> jdbc.update("update country set name = ? where code = 'TV'", newName)))
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            read.add(name());
        });
        return read;
    }

    private String name() {
        return jdbc.queryForObject("select name from country where code = 'TV'", String.class);
    }
}
