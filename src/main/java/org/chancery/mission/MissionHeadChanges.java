package org.chancery.mission;

/**
 * A change of a mission's heads is a change of the mission: its {@code version}, and so the
 * {@code ETag} of {@code GET /api/missions/{id}}, moves with it. The heads are their own rows,
 * which Hibernate does not count as a change of the mission row.
 */
interface MissionHeadChanges {

    /** The mission's version is incremented when the transaction flushes. */
    void headsChanged(Mission mission);
}
