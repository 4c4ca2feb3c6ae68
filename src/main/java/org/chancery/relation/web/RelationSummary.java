package org.chancery.relation.web;

import java.time.LocalDate;
import java.util.List;

import org.chancery.relation.Relation;
import org.chancery.relation.RelationStatus;

record RelationSummary(List<String> countries, RelationStatus status, LocalDate since, RelationStatus consularStatus) {

    static RelationSummary from(Relation relation) {
        return new RelationSummary(relation.pair().codes(), relation.status(), relation.since(),
                relation.consularStatus());
    }
}
