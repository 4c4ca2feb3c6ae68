package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Concurrent first writes to a pair race to create its row: the one whose insert loses to the unique pair
 * constraint finds the winner's row, as designed, and logs nothing (Hibernate's own warning of the SQL error, with
 * the statement and its countries, would be read as a failure by whoever watches the log); a violation elsewhere is
 * warned of as before.
 */
@ExtendWith(OutputCaptureExtension.class)
class RelationRowsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private RelationRepository repository;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aPairWhoseRowAnotherWriteCreatedFirstIsFoundWithoutAWarning(CapturedOutput output) {
        RelationPair pair = RelationPair.of(CountryCode.of("BE"), CountryCode.of("DK"));
        repository.saveAndFlush(new Relation(pair));
        // the other write's row is committed after this one looked for it, before it inserts its own
        RelationRepository lookedTooEarly = (RelationRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RelationRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findByPair")) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        boolean created = new RelationRows(lookedTooEarly, transactions).ensureExists(pair);

        assertThat(created).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from relation where country_a = 'BE' and country_b = 'DK'",
                Integer.class)).isOne();
        assertThat(output.getOut()).doesNotContainIgnoringCase("uq_relation_pair").doesNotContain("SQLState");
    }

    @Test
    void aViolationNoCodeExpectsIsStillWarnedOfByHibernate(CapturedOutput output) {
        RelationPair pair = RelationPair.of(CountryCode.of("BE"), CountryCode.of("DK"));
        repository.saveAndFlush(new Relation(pair));

        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> repository.saveAndFlush(new Relation(pair))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(output.getOut()).containsIgnoringCase("uq_relation_pair").contains("SQLState");
    }
}
