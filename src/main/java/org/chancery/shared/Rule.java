package org.chancery.shared;

import org.springframework.http.HttpStatus;

/**
 * The rules table of API.md, one constant per rule and answer code: the part of the name before
 * the first underscore is the rule id, the rest is the stable problem {@code code}.
 */
public enum Rule {

    R1_RELATION_TRANSITION_INVALID(HttpStatus.CONFLICT),
    R3_DATE_IN_FUTURE(HttpStatus.BAD_REQUEST),
    R4_SAME_COUNTRY(HttpStatus.BAD_REQUEST),
    R5_RELATION_NOT_ESTABLISHED(HttpStatus.CONFLICT),
    R6_CONSULAR_RELATION_NOT_ESTABLISHED(HttpStatus.CONFLICT),
    R7_EMBASSY_ALREADY_OPEN(HttpStatus.CONFLICT),
    R9_INTERESTS_SECTION_NOT_ALLOWED(HttpStatus.CONFLICT),
    R12_MISSION_STATUS_INVALID(HttpStatus.CONFLICT),
    R13_DIPLOMAT_NOT_OF_SENDING_COUNTRY(HttpStatus.CONFLICT),
    R14_AGREMENT_REQUIRED(HttpStatus.CONFLICT),
    R15_RELATION_NOT_ESTABLISHED(HttpStatus.CONFLICT),
    R15_MISSION_TYPE_INVALID(HttpStatus.CONFLICT),
    R16_HEAD_OF_MISSION_OVERLAP(HttpStatus.CONFLICT),
    R17_TOO_FEW_PARTIES(HttpStatus.BAD_REQUEST),
    R18_UNKNOWN_REFERENCE(HttpStatus.BAD_REQUEST),
    R19_MISSION_NOT_IN_RELATION(HttpStatus.BAD_REQUEST),
    R19_MILESTONE_STATUS_INVALID(HttpStatus.CONFLICT),
    R20_CONFLICTS_WITH_RECORDED_FACTS(HttpStatus.CONFLICT),
    R21_RESOURCE_IN_USE(HttpStatus.CONFLICT),
    R22_COUNTRY_NOT_IN_EXISTENCE(HttpStatus.CONFLICT),
    R23_RELATION_NOT_ESTABLISHED(HttpStatus.CONFLICT),
    R23_CONSULAR_RELATION_NOT_ESTABLISHED(HttpStatus.CONFLICT),
    R23_ACCREDITATION_CONFLICT(HttpStatus.CONFLICT),
    R23_RESIDENT_MISSION_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    Rule(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The rule id of API.md, such as {@code R9}. */
    public String id() {
        return name().substring(0, name().indexOf('_'));
    }

    /** The stable problem code, such as {@code INTERESTS_SECTION_NOT_ALLOWED}. */
    public String code() {
        return name().substring(name().indexOf('_') + 1);
    }
}
