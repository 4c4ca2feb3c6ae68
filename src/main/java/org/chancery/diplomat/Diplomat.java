package org.chancery.diplomat;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.chancery.country.CountryCode;
import org.chancery.shared.SearchText;
import org.chancery.shared.Source;
import org.chancery.shared.SourcesConverter;
import org.chancery.shared.Text;

/** A diplomat of one country, with the title and organization they hold now. */
@Entity
@Table(name = "diplomat")
public class Diplomat {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "diplomat_seq")
    @SequenceGenerator(name = "diplomat_seq", sequenceName = "diplomat_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    /** The name as searches compare it ({@link SearchText}). */
    @Column(name = "name_key", nullable = false, length = SearchText.KEY_LENGTH)
    private String nameKey;

    @Column(name = "country", nullable = false, length = 2)
    private String country;

    @Column(name = "title", length = 300)
    private String title;

    @Column(name = "organization", length = 300)
    private String organization;

    @Convert(converter = SourcesConverter.class)
    @Column(name = "sources", length = 1_000_000)
    private List<Source> sources;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Diplomat() {
    }

    Diplomat(String name, CountryCode country, String title, String organization, List<Source> sources) {
        describe(name, country, title, organization, sources);
    }

    /**
     * Replaces what is known of the diplomat (a correction or a new post). Text loses the white space
     * around it (Unicode's, as {@code isBlank} and the validation read it); a blank title or
     * organization is none.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    void describe(String name, CountryCode country, String title, String organization, List<Source> sources) {
        if (name == null || Text.isBlank(name)) {
            throw new IllegalArgumentException("a diplomat needs a name");
        }
        this.name = Text.strip(name);
        this.nameKey = SearchText.key(this.name);
        this.country = country.value();
        this.title = Text.strippedOrNull(title);
        this.organization = Text.strippedOrNull(organization);
        this.sources = SourcesConverter.orEmpty(sources);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CountryCode country() {
        return new CountryCode(country);
    }

    public String title() {
        return title;
    }

    public String organization() {
        return organization;
    }

    public List<Source> sources() {
        return sources == null ? List.of() : sources;
    }

    public long version() {
        return version;
    }
}
