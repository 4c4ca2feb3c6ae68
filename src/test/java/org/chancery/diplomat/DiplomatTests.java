package org.chancery.diplomat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.shared.Source;
import org.junit.jupiter.api.Test;

class DiplomatTests {

    private static final CountryCode KR = new CountryCode("KR");

    @Test
    void trimsTheTextAndTreatsABlankTitleOrOrganizationAsNone() {
        Diplomat diplomat = new Diplomat("  Chung Byung-won ", KR, " ", "\tMinistry of Foreign Affairs ", null);

        assertThat(diplomat.name()).isEqualTo("Chung Byung-won");
        assertThat(diplomat.country()).isEqualTo(KR);
        assertThat(diplomat.title()).isNull();
        assertThat(diplomat.organization()).isEqualTo("Ministry of Foreign Affairs");
        assertThat(diplomat.sources()).isEmpty();
    }

    @Test
    void replacesEverythingKnownOnDescribe() {
        Source source = new Source("https://www.mofa.go.kr/", "MOFA", null, LocalDate.of(2024, 5, 22));
        Diplomat diplomat = new Diplomat("Chung Byung-won", KR, "Deputy Foreign Minister", "MOFA", List.of(source));

        diplomat.describe("Chung Byung-won", KR, "Vice Foreign Minister", null, null);

        assertThat(diplomat.title()).isEqualTo("Vice Foreign Minister");
        assertThat(diplomat.organization()).isNull();
        assertThat(diplomat.sources()).isEmpty();
    }

    @Test
    void needsAName() {
        assertThatThrownBy(() -> new Diplomat(" ", KR, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
