package org.chancery.relation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the row of a pair, once, in a transaction of its own, so that concurrent first writes
 * to a pair all end up locking the same row.
 */
@Component
class RelationRows {

    private final RelationRepository repository;

    RelationRows(RelationRepository repository) {
        this.repository = repository;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensureExists(RelationPair pair) {
        if (repository.findByPair(pair.first().value(), pair.second().value()).isPresent()) {
            return;
        }
        try {
            repository.saveAndFlush(new Relation(pair));
        } catch (DataIntegrityViolationException createdConcurrently) {
            // another request created the row first: the unique pair constraint keeps one
        }
    }
}
