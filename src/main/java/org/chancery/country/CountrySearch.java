package org.chancery.country;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The country list's query, with only the filters a request gives (a fragment of {@link CountryRepository}). */
interface CountrySearch {

    /**
     * Countries whose name's key contains {@code pattern} (a LIKE pattern, escape {@code \\}, of
     * {@link org.chancery.shared.SearchText}) or whose alpha-2 or alpha-3 code is {@code code} (upper case; an empty
     * code is none) or whose numeric code is {@code numeric}, if {@code pattern} is given; current ones (no
     * {@code endedOn}) or former ones only, if {@code current} is given.
     */
    Page<Country> search(String code, String numeric, String pattern, Boolean current, Pageable pageable);
}
