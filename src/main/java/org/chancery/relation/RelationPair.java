package org.chancery.relation;

import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;

/**
 * The unordered pair of two different countries a relation is about, kept in code order so that
 * {@code CU/KR} and {@code KR/CU} are the same pair.
 */
public record RelationPair(CountryCode first, CountryCode second) {

    public RelationPair {
        if (first.equals(second)) {
            throw new RuleViolationException(Rule.R4_SAME_COUNTRY,
                    "Two different countries are needed, not " + first + " twice.");
        }
        if (first.compareTo(second) > 0) {
            CountryCode swap = first;
            first = second;
            second = swap;
        }
    }

    /**
     * @throws RuleViolationException R4 {@code SAME_COUNTRY} if both are the same country
     */
    public static RelationPair of(CountryCode a, CountryCode b) {
        return new RelationPair(a, b);
    }

    public boolean contains(CountryCode country) {
        return first.equals(country) || second.equals(country);
    }

    public List<String> codes() {
        return List.of(first.value(), second.value());
    }

    @Override
    public String toString() {
        return first + "–" + second;
    }
}
