package org.chancery.relation;

import java.util.function.Supplier;

/**
 * Work under a pair's locks, counted on its thread. Only the outermost forgets, before it takes its locks, what its
 * transaction read ({@link RelationService#underPairLocks}): a write that such work makes in turn (a severance ending
 * a mission, R11) runs under locks already held, and the entities the outer work changes must stay the ones it holds.
 */
final class LockedWork {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private LockedWork() {
    }

    /** Runs {@code work}; outermost, after {@code forgetFirst} (null: nothing to forget). */
    static <T> T run(Runnable forgetFirst, Supplier<T> work) {
        int[] depth = DEPTH.get();
        if (depth[0] == 0 && forgetFirst != null) {
            forgetFirst.run();
        }
        depth[0]++;
        try {
            return work.get();
        } finally {
            if (--depth[0] == 0) {
                DEPTH.remove();
            }
        }
    }
}
