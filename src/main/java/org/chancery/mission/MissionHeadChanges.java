package org.chancery.mission;

/**
 * A change of a mission's heads is a change of the mission: its {@code version}, and so the
 * {@code ETag} of {@code GET /api/missions/{id}}, moves with it. The heads are their own rows,
 * which Hibernate does not count as a change of the mission row.
 */
interface MissionHeadChanges {

    /**
     * The mission's version is incremented at once (its row is locked under the pair's lock already): an increment
     * left for the commit would be lost where the transaction goes on to take the pair's lock again, which forgets
     * the entities it read (an import's row: a severance ending a head, then the mission closed).
     */
    void headsChanged(Mission mission);
}
