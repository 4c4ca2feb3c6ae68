package org.chancery.meeting;

import java.util.Collection;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.country.CountryCode;

/** Where a meeting took place, seen from its participants. */
@Schema(enumAsRef = true)
public enum MeetingKind {

    /** In the country of one of the participants, who hosted it. */
    VISIT,

    /** In a country none of the participants represented. */
    THIRD_LOCATION;

    /** The kind of a meeting held in {@code place} by participants of {@code countries}. */
    static MeetingKind of(CountryCode place, Collection<CountryCode> countries) {
        return countries.contains(place) ? VISIT : THIRD_LOCATION;
    }
}
