package org.chancery.country;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.chancery.shared.SearchText;
import org.chancery.shared.Source;
import org.chancery.shared.SourcesConverter;
import org.chancery.shared.Text;
import org.springframework.data.domain.Persistable;

/**
 * A country: ISO 3166-1 alpha-2 (the key; a former ISO 3166-1 code for the dissolved states of ISO
 * 3166-3, a user-assigned one for other states), alpha-3, numeric code, English short name, and the
 * days it existed ({@link Lifetime}), with the sources of what is known of it.
 */
@Entity
@Table(name = "country")
public class Country implements Persistable<String> {

    @Id
    @Column(name = "code", length = 2)
    private String code;

    @Column(name = "alpha3", length = 3, nullable = false, unique = true)
    private String alpha3;

    @Column(name = "numeric_code", length = 3)
    private String numericCode;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** The name as searches compare it ({@link SearchText}). */
    @Column(name = "name_key", nullable = false, length = SearchText.KEY_LENGTH)
    private String nameKey;

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Convert(converter = SourcesConverter.class)
    @Column(name = "sources", length = 1000000)
    private List<Source> sources;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /**
     * Made here, not read: saving it inserts it. Its key is the code the caller gives, so without this it would be
     * merged — a country recorded with that code by another request since the caller checked the code was free
     * would be overwritten instead of refusing the second with a key violation.
     */
    @Transient
    private boolean unsaved;

    protected Country() {
    }

    Country(CountryCode code, String alpha3, String numericCode, String name, Lifetime lifetime,
            List<Source> sources) {
        this.code = code.value();
        this.alpha3 = alpha3;
        this.numericCode = numericCode;
        this.unsaved = true;
        describe(name, lifetime, sources);
    }

    @PostLoad
    @PostPersist
    void recorded() {
        unsaved = false;
    }

    @Override
    public String getId() {
        return code;
    }

    @Override
    public boolean isNew() {
        return unsaved;
    }

    /**
     * Replaces the name, the lifetime and the sources. The caller has checked that no recorded
     * fact falls outside the new lifetime (R20).
     *
     * @throws IllegalArgumentException if the name is blank
     */
    void describe(String name, Lifetime lifetime, List<Source> sources) {
        if (name == null || Text.isBlank(name)) {
            throw new IllegalArgumentException("a country needs a name");
        }
        this.name = Text.strip(name);
        this.nameKey = SearchText.key(this.name);
        this.startedOn = lifetime.startedOn();
        this.endedOn = lifetime.endedOn();
        this.sources = SourcesConverter.orEmpty(sources);
    }

    public CountryCode code() {
        return new CountryCode(code);
    }

    public String alpha3() {
        return alpha3;
    }

    public String numericCode() {
        return numericCode;
    }

    public String name() {
        return name;
    }

    public Lifetime lifetime() {
        return new Lifetime(startedOn, endedOn);
    }

    /** Whether the country has ceased to exist ({@code endedOn} is known). */
    public boolean former() {
        return endedOn != null;
    }

    public List<Source> sources() {
        return sources == null ? List.of() : sources;
    }

    public long version() {
        return version;
    }
}
