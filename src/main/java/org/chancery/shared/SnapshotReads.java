package org.chancery.shared;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DelegatingTransactionDefinition;

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
 * customizers, but for the isolation of the read-only transactions it begins.
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

    /** Begins a read-only transaction that names no isolation at repeatable read. */
    static final class SnapshotReadingTransactionManager extends JpaTransactionManager {

        SnapshotReadingTransactionManager(EntityManagerFactory entityManagerFactory) {
            super(entityManagerFactory);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            super.doBegin(transaction, snapshotIfReadOnly(definition));
        }

        static TransactionDefinition snapshotIfReadOnly(TransactionDefinition definition) {
            if (!definition.isReadOnly() || definition.getIsolationLevel() != TransactionDefinition.ISOLATION_DEFAULT) {
                return definition;
            }
            return new DelegatingTransactionDefinition(definition) {
                @Override
                public int getIsolationLevel() {
                    return TransactionDefinition.ISOLATION_REPEATABLE_READ;
                }
            };
        }
    }
}
