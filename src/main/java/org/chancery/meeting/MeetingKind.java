package org.chancery.meeting;

/** Where a meeting took place, seen from its participants. */
public enum MeetingKind {

    /** In the country of one of the participants, who hosted it. */
    VISIT,

    /** In a country none of the participants represented. */
    THIRD_LOCATION
}
