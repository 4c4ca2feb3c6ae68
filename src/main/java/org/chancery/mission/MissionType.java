package org.chancery.mission;

import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

/** The kinds of mission, in three classes: embassy class, other diplomatic, consular. */
@Schema(enumAsRef = true)
public enum MissionType {
    EMBASSY(Category.EMBASSY_CLASS),
    HIGH_COMMISSION(Category.EMBASSY_CLASS),
    NUNCIATURE(Category.EMBASSY_CLASS),
    /** A mission headed by an envoy (VCDR art. 14(1)(b)); legations were raised to embassies through the 20th century. */
    LEGATION(Category.EMBASSY_CLASS),
    PROVISIONAL_OFFICE(Category.OTHER_DIPLOMATIC),
    LIAISON_OFFICE(Category.OTHER_DIPLOMATIC),
    INTERESTS_SECTION(Category.OTHER_DIPLOMATIC),
    CONSULATE_GENERAL(Category.CONSULAR),
    CONSULATE(Category.CONSULAR),
    HONORARY_CONSULATE(Category.CONSULAR);

    enum Category { EMBASSY_CLASS, OTHER_DIPLOMATIC, CONSULAR }

    private final Category category;

    MissionType(Category category) {
        this.category = category;
    }

    public boolean embassyClass() {
        return category == Category.EMBASSY_CLASS;
    }

    public boolean consular() {
        return category == Category.CONSULAR;
    }

    /**
     * R8: an opening of this type supersedes the direction's open mission of type {@code other}: a
     * provisional office or an interests section by any embassy-class mission, a legation by an
     * embassy, a high commission or a nunciature (a legation raised to an embassy).
     */
    public boolean supersedes(MissionType other) {
        if (!embassyClass()) {
            return false;
        }
        return other == PROVISIONAL_OFFICE || other == INTERESTS_SECTION || (other == LEGATION && this != LEGATION);
    }

    /** The type in words, as a sentence reads it: "embassy", "interests section". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Embassy-class missions and provisional offices need diplomatic relations (R5) and end with them (R11). */
    public boolean needsDiplomaticRelations() {
        return embassyClass() || this == PROVISIONAL_OFFICE;
    }
}
