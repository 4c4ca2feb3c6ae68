package org.chancery.relation;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * A pair's first write in a caller's transaction (an import's row) found no row for the pair and created one, while
 * another transaction created it too and committed first: the caller's transaction cannot go on (on PostgreSQL a
 * failed statement ends it), but run again it finds that row and locks it.
 */
public class PairRowCreatedMeanwhile extends ConcurrencyFailureException {

    PairRowCreatedMeanwhile(RelationPair pair, Throwable cause) {
        super("Another write created the row of " + pair + " meanwhile.", cause);
    }
}
