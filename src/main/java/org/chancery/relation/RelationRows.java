package org.chancery.relation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the row of a pair, once, in a transaction of its own, so that concurrent first writes
 * to a pair (from any instance) all end up locking the same row: the unique pair constraint lets
 * one insert win, and the others find its row.
 */
@Component
class RelationRows {

    private final RelationRepository repository;
    private final TransactionTemplate newTransaction;

    RelationRows(RelationRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Creates the pair's row in the caller's transaction, locked for it as an insert is, and answers it. */
    Relation createInCurrentTransaction(RelationPair pair) {
        return repository.saveAndFlush(new Relation(pair));
    }

    void ensureExists(RelationPair pair) {
        try {
            newTransaction.executeWithoutResult(status -> {
                if (repository.findByPair(pair.first().value(), pair.second().value()).isEmpty()) {
                    repository.saveAndFlush(new Relation(pair));
                }
            });
        } catch (DataIntegrityViolationException createdConcurrently) {
            // another request created the row first
        }
    }
}
