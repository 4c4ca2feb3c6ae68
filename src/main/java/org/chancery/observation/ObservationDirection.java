package org.chancery.observation;

import io.swagger.v3.oas.annotations.media.Schema;

/** Which side of an observation a country is. */
@Schema(enumAsRef = true)
public enum ObservationDirection { SENDING, RECEIVING }
