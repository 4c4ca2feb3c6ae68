package org.chancery.shared;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads that see the rows as they were at the first of them, whatever is written meanwhile: the pages of one CSV
 * export, in one read-only transaction at repeatable read (a row written ahead of the next page would otherwise
 * repeat a row and leave another out).
 */
@Service
public class Snapshots {

    private final TransactionTemplate snapshot;

    public Snapshots(PlatformTransactionManager transactions) {
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Runs the reads in one snapshot, which ends with them. */
    public void read(Runnable reads) {
        snapshot.executeWithoutResult(status -> reads.run());
    }
}
