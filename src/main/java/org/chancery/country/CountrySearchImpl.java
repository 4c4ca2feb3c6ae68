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
    public Page<Country> search(String code, String numeric, String pattern, Boolean current, Pageable pageable) {
        // the codes compared as stored, in upper case: no lower() of the database's, which follows a locale (H2's
        // that of the JVM, PostgreSQL's the database's ctype) and makes "CI" "cı" in Turkish
        return FilteredQuery.of("Country", "c")
                .where("""
                        (c.nameKey like :pattern escape '\\' or c.code = :code or c.alpha3 = :code
                         or c.numericCode = :numeric)""",
                        pattern == null ? null : Map.of("code", code, "numeric", numeric, "pattern", pattern))
                .where("c.endedOn is null", Boolean.TRUE.equals(current))
                .where("c.endedOn is not null", Boolean.FALSE.equals(current))
                .page(entityManager, Country.class, pageable);
    }
}
