package org.chancery.relation;

import java.time.LocalDate;

/** A dated relation event as the state machine sees it. */
public interface EventFact {

    /** The id of a recorded event, null for one being added. */
    Long id();

    EventType type();

    LocalDate date();
}
