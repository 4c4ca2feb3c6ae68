package org.chancery.observation;

/** Which side of an observation a country is. */
public enum ObservationDirection { SENDING, RECEIVING }
