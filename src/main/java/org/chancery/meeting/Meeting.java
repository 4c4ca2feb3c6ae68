package org.chancery.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.SourcesConverter;
import org.chancery.shared.StringListConverter;
import org.chancery.shared.Text;

/**
 * A meeting of diplomats of at least two countries (R17), on a day, in a country. Recorded once
 * and never changed; what it says about countries ({@link #countries()}, {@link #pairs()}, and the
 * kind and host that {@link MeetingDetails} shows) is derived from its participants, and the index
 * rows the relation view and the list filter read ({@code meeting_country}, {@code meeting_pair})
 * are written with it.
 */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_seq")
    @SequenceGenerator(name = "meeting_seq", sequenceName = "meeting_seq", allocationSize = 50)
    private Long id;

    @Column(name = "meeting_date", nullable = false)
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", nullable = false, length = 8)
    private DatePrecision datePrecision;

    @Column(name = "city", length = 200)
    private String city;

    @Column(name = "country", nullable = false, length = 2)
    private String country;

    @Column(name = "title", length = 300)
    private String title;

    @Column(name = "summary", length = 4000)
    private String summary;

    @Convert(converter = StringListConverter.class)
    @Column(name = "outcomes", length = 1_000_000)
    private List<String> outcomes;

    @Convert(converter = SourcesConverter.class)
    @Column(name = "sources", length = 1_000_000)
    private List<Source> sources;

    @ElementCollection
    @CollectionTable(name = "meeting_participant", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "list_index")
    private List<Participant> participants = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "meeting_country", joinColumns = @JoinColumn(name = "meeting_id"))
    private Set<MeetingCountry> countryIndex = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "meeting_pair", joinColumns = @JoinColumn(name = "meeting_id"))
    private Set<MeetingPair> pairIndex = new HashSet<>();

    protected Meeting() {
    }

    private Meeting(FuzzyDate date, String city, CountryCode country, String title, String summary,
            List<String> outcomes, List<Participant> participants, List<Source> sources) {
        this.date = date.date();
        this.datePrecision = date.precision();
        this.city = Text.strippedOrNull(city);
        this.country = country.value();
        this.title = Text.strippedOrNull(title);
        this.summary = Text.strippedOrNull(summary);
        this.outcomes = outcomes == null ? List.of() : outcomes.stream().map(Text::strip).toList();
        this.sources = SourcesConverter.orEmpty(sources);
        this.participants.addAll(participants);
        this.participants.forEach(participant -> participant.at(this.date));
        for (CountryCode code : countries()) {
            countryIndex.add(new MeetingCountry(code.value(), this.date));
        }
        for (RelationPair pair : pairs()) {
            pairIndex.add(new MeetingPair(pair, this.date));
        }
    }

    /**
     * A meeting as it is recorded.
     *
     * @throws RuleViolationException R17 {@code TOO_FEW_PARTIES} unless there are at least two
     *         participants from at least two countries
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) if a diplomat is listed twice among
     *         enough parties
     */
    static Meeting record(FuzzyDate date, String city, CountryCode country, String title, String summary,
            List<String> outcomes, List<Participant> participants, List<Source> sources) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(country, "country");
        requireParties(participants);
        return new Meeting(date, city, country, title, summary, outcomes, participants, sources);
    }

    /**
     * R17: at least two participants, from at least two countries, none listed twice. A diplomat listed
     * twice is one participant: too few parties (R17) if the others do not make up for it, else a list to
     * correct ({@code VALIDATION_FAILED}).
     *
     * @throws RuleViolationException R17 {@code TOO_FEW_PARTIES} unless there are at least two distinct
     *         participants from at least two countries
     * @throws InvalidInputException if a diplomat is listed twice among enough parties
     */
    static void requireParties(List<Participant> participants) {
        List<Long> diplomats = new ArrayList<>();
        InvalidInputException listedTwice = null;
        for (int i = 0; i < participants.size(); i++) {
            long diplomat = participants.get(i).diplomatId();
            int first = diplomats.indexOf(diplomat);
            if (first < 0) {
                diplomats.add(diplomat);
            } else if (listedTwice == null) {
                listedTwice = new InvalidInputException("participants[" + i + "].diplomatId", "lists diplomat "
                        + diplomat + " a second time (first at participants[" + first + "])");
            }
        }
        if (diplomats.size() < 2) {
            throw new RuleViolationException(Rule.R17_TOO_FEW_PARTIES, "A meeting needs at least two participants; "
                    + "this one has " + diplomats.size() + (diplomats.size() < participants.size()
                            ? " (diplomat " + diplomats.get(0) + " is listed " + participants.size() + " times)" : "")
                    + ".");
        }
        List<CountryCode> countries = countriesOf(participants.stream().map(Participant::country).toList());
        if (countries.size() < 2) {
            throw new RuleViolationException(Rule.R17_TOO_FEW_PARTIES, "A meeting needs participants from at least "
                    + "two countries; all of these are of " + countries.get(0) + ".");
        }
        if (listedTwice != null) {
            throw listedTwice;
        }
    }

    public Long id() {
        return id;
    }

    public LocalDate date() {
        return date;
    }

    public DatePrecision datePrecision() {
        return datePrecision;
    }

    public String city() {
        return city;
    }

    /** The country the meeting took place in. */
    public CountryCode country() {
        return new CountryCode(country);
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public List<String> outcomes() {
        return outcomes == null ? List.of() : outcomes;
    }

    public List<Source> sources() {
        return sources == null ? List.of() : sources;
    }

    /** The participants, in the order they were recorded. */
    public List<Participant> participants() {
        return List.copyOf(participants);
    }

    /** The countries the participants represented, sorted, each once. */
    public List<CountryCode> countries() {
        return countriesOf(participants.stream().map(Participant::country).toList());
    }

    /** Every unordered pair of participating countries: the relations this meeting is part of. */
    public List<RelationPair> pairs() {
        List<CountryCode> countries = countries();
        List<RelationPair> pairs = new ArrayList<>();
        for (int i = 0; i < countries.size(); i++) {
            for (int j = i + 1; j < countries.size(); j++) {
                pairs.add(RelationPair.of(countries.get(i), countries.get(j)));
            }
        }
        return pairs;
    }

    /** A short description for messages: "meeting 9 on 2024-05-22 in Seoul". */
    static String describe(Long id, LocalDate date, String city) {
        return "meeting " + id + " on " + date + (city == null ? "" : " in " + city);
    }

    /** The countries, sorted, each once (a meeting has a handful: no stream, no set). */
    static List<CountryCode> countriesOf(List<CountryCode> countries) {
        CountryCode[] sorted = countries.toArray(CountryCode[]::new);
        Arrays.sort(sorted);
        List<CountryCode> distinct = new ArrayList<>(sorted.length);
        for (CountryCode country : sorted) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(country)) {
                distinct.add(country);
            }
        }
        return List.copyOf(distinct);
    }
}
