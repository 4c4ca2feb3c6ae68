package org.chancery.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * On PostgreSQL every read-only transaction reads one snapshot of the database (repeatable read) unless it asks for
 * another isolation: a read of several statements — a relation's view, its timeline, a mission and its heads, a
 * page's ids and then its rows — answers the facts as they stood at its first statement. At PostgreSQL's default
 * (read committed) each statement saw the writes committed before it: a view read during a severance on another
 * instance showed the embassy the severance closed but not the severance, a mission's body its head ended but its
 * status still OPEN, under the version before. A read-only transaction takes no lock and writes nothing, so the
 * snapshot costs it no conflict; the writes keep the default, and their locks. On H2 (one instance, the embedded
 * default) the reads keep read committed: at repeatable read H2 answered the missions open on a day 44 times and the
 * overdue milestones 15 times slower. The transaction manager of Spring Boot's JPA configuration, with its
 * customizers, but for the isolation of the read-only transactions it begins: set by the transaction's first
 * statement ({@value SnapshotReadingDialect#SNAPSHOT}), which the driver sends with its {@code BEGIN} in one round
 * trip; setting the connection's isolation before and again after took two more (the view and the timeline were
 * 5–15 % slower than at read committed; now 0–6 %).
 */
@Configuration(proxyBeanMethods = false)
class SnapshotReads {

    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory, DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        JpaTransactionManager transactions = DatabaseProduct.isPostgres(dataSource)
                ? new SnapshotReadingTransactionManager(entityManagerFactory)
                : new JpaTransactionManager(entityManagerFactory);
        customizers.ifAvailable(each -> each.customize(transactions));
        return transactions;
    }

    /**
     * Spring's JPA transaction manager, whose dialect (Hibernate's, as the factory's, with its defaults: the
     * application sets none of its own) begins snapshot reads.
     */
    static final class SnapshotReadingTransactionManager extends JpaTransactionManager {

        SnapshotReadingTransactionManager(EntityManagerFactory entityManagerFactory) {
            super(entityManagerFactory);
        }

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet(); // takes the factory's dialect
            setJpaDialect(new SnapshotReadingDialect());
        }
    }

    /** Begins a read-only transaction that names no isolation at repeatable read. */
    static final class SnapshotReadingDialect extends HibernateJpaDialect {

        /** The first statement of a snapshot's transaction (transaction control: no statement counts it). */
        static final String SNAPSHOT = "set transaction isolation level repeatable read";

        @Override
        public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
                throws SQLException {
            Object begun = super.beginTransaction(entityManager, definition);
            if (readsOneSnapshot(definition)) {
                // a failure here fails the begin, whose transaction the manager then rolls back and closes
                entityManager.unwrap(Session.class).doWork(connection -> {
                    try (PreparedStatement snapshot = connection.prepareStatement(SNAPSHOT)) {
                        snapshot.execute();
                    }
                });
            }
            return begun;
        }

        /** A read-only transaction that asks for no other isolation reads one snapshot. */
        static boolean readsOneSnapshot(TransactionDefinition definition) {
            return definition.isReadOnly() && definition.getIsolationLevel() == TransactionDefinition.ISOLATION_DEFAULT;
        }
    }
}
