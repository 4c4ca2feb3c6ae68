package org.chancery.relation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.chancery.shared.FilteredQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

class RelationSearchImpl implements RelationSearch {

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * {@code country} matches either side of the pair through the pair index and the index on the
     * second country (a union of ids) rather than {@code country_a = :c or country_b = :c}, which H2
     * answers by reading every pair.
     */
    @Override
    public Page<Relation> search(String country, RelationStatus status, Pageable pageable) {
        return FilteredQuery.of("Relation", "r")
                .where("""
                        (r.status <> org.chancery.relation.RelationStatus.NONE
                         or r.consularStatus <> org.chancery.relation.RelationStatus.NONE)""")
                .where("""
                        r.id in (select a.id from Relation a where a.countryA = :country
                                 union all select b.id from Relation b where b.countryB = :country)""",
                        "country", country)
                .where("r.status = :status", "status", status)
                .page(entityManager, Relation.class, pageable);
    }
}
