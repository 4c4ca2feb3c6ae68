package org.chancery.relation;

import org.chancery.shared.BrokenConstraints;
import org.chancery.shared.logging.ExpectedSqlErrors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the row of a pair, once, in a transaction of its own, so that concurrent first writes
 * to a pair (from any instance) all end up locking the same row: the unique pair constraint lets
 * one insert win, and the others find its row. A row created for a write the rules then refused
 * is removed again.
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

    /**
     * Creates the pair's row in the caller's transaction, locked for it as an insert is, and answers it.
     *
     * @throws PairRowCreatedMeanwhile if another transaction created it first (the caller's may run again)
     */
    Relation createInCurrentTransaction(RelationPair pair) {
        try {
            return ExpectedSqlErrors.expectedDuring(() -> repository.saveAndFlush(new Relation(pair)));
        } catch (DataIntegrityViolationException e) {
            if (breaksUniquePair(e)) {
                throw new PairRowCreatedMeanwhile(pair, e);
            }
            throw e;
        }
    }

    /**
     * Creates the pair's row unless it exists; true if this call created it. Another request creating it meanwhile
     * breaks the unique pair constraint, as expected (not logged); any other violation goes on to the caller.
     */
    boolean ensureExists(RelationPair pair) {
        try {
            return Boolean.TRUE.equals(ExpectedSqlErrors.expectedDuring(() -> newTransaction.execute(status -> {
                if (repository.findByPair(pair.first().value(), pair.second().value()).isPresent()) {
                    return false;
                }
                repository.saveAndFlush(new Relation(pair));
                return true;
            })));
        } catch (DataIntegrityViolationException e) {
            if (breaksUniquePair(e)) {
                // another request created the row first
                return false;
            }
            throw e;
        }
    }

    private static boolean breaksUniquePair(DataIntegrityViolationException e) {
        return BrokenConstraints.named(e, "uq_relation_pair");
    }

    /**
     * Removes the row {@link #ensureExists} created for a write that was then refused, so that a
     * refused write leaves nothing behind, unless another write has recorded history on it since
     * (under its lock: once it is held, the events committed meanwhile are visible).
     */
    void removeIfUnused(RelationPair pair) {
        try {
            newTransaction.executeWithoutResult(status -> repository
                    .findByPairForUpdate(pair.first().value(), pair.second().value())
                    .filter(relation -> relation.events().isEmpty())
                    .ifPresent(relation -> {
                        repository.delete(relation);
                        repository.flush();
                    }));
        } catch (DataIntegrityViolationException referenced) {
            // a fact of the pair refers to the row now: it stays
        }
    }
}
