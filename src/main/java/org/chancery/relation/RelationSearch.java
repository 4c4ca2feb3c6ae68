package org.chancery.relation;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The relation list's query, with only the filters a request gives (a fragment of {@link RelationRepository}). */
interface RelationSearch {

    /** Pairs with at least one recorded event, of {@code country} and in {@code status} if given. */
    Page<Relation> search(String country, RelationStatus status, Pageable pageable);
}
