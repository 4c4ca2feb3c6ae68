package org.chancery.relation.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.relation.AffectedAccreditation;
import org.chancery.shared.DatePrecision;

/** An accreditation that a relation event changed (R11: ended by a severance), as listed in the answer. */
@Schema(name = "AffectedAccreditation")
record AffectedAccreditationResponse(Long id, String sendingCountry, String receivingCountry,
        @Schema(ref = "#/components/schemas/AccreditationLevel") String level,
        LocalDate from, DatePrecision fromPrecision, LocalDate to, DatePrecision toPrecision) {

    static AffectedAccreditationResponse from(AffectedAccreditation accreditation) {
        return new AffectedAccreditationResponse(accreditation.id(), accreditation.sendingCountry(),
                accreditation.receivingCountry(), accreditation.level(), accreditation.from(),
                accreditation.fromPrecision(), accreditation.to(), accreditation.toPrecision());
    }
}
