package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionPreconditionTests {

    @Test
    void letsAnyVersionThroughWithoutIfMatchOrWithAStar() {
        for (String header : new String[] {null, "", " ", "*", "\"3\", *"}) {
            assertThatCode(() -> VersionPrecondition.fromIfMatch(header).check(7, "Diplomat 1")).doesNotThrowAnyException();
        }
    }

    @Test
    void matchesAnyOfTheStrongTagsNamed() {
        assertThatCode(() -> VersionPrecondition.fromIfMatch("\"2\", \"7\"").check(7, "Diplomat 1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> VersionPrecondition.fromIfMatch("\"2\", \"6\"").check(7, "Diplomat 1"))
                .isInstanceOf(VersionMismatchException.class).hasMessageContaining("version 7");
    }

    @Test
    void neverMatchesWeakOrForeignTags() {
        for (String header : new String[] {"W/\"7\"", "7", "\"seven\"", "\"\""}) {
            assertThatThrownBy(() -> VersionPrecondition.fromIfMatch(header).check(7, "Diplomat 1"))
                    .isInstanceOf(VersionMismatchException.class);
        }
    }
}
