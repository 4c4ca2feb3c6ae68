package org.chancery.mission;

import java.util.Optional;

/**
 * Facts in other modules that name a mission (a milestone its opening achieves, an accreditation of its head of
 * mission): R21 refuses to delete a mission while one of them does.
 */
public interface MissionReferences {

    /** A description of one fact naming the mission ("milestone 4"), if any. */
    Optional<String> firstFactNaming(long missionId);
}
