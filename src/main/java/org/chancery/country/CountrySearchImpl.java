package org.chancery.country;

import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.chancery.shared.FilteredQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

class CountrySearchImpl implements CountrySearch {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Page<Country> search(String q, String pattern, Boolean current, Pageable pageable) {
        return FilteredQuery.of("Country", "c")
                .where("""
                        (c.nameKey like :pattern escape '\\' or lower(c.code) = :q or lower(c.alpha3) = :q
                         or c.numericCode = :q)""", q == null ? null : Map.of("q", q, "pattern", pattern))
                .where("c.endedOn is null", Boolean.TRUE.equals(current))
                .where("c.endedOn is not null", Boolean.FALSE.equals(current))
                .page(entityManager, Country.class, pageable);
    }
}
