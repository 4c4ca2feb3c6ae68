package org.chancery.timeline.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.relation.RelationSnapshot;
import org.chancery.relation.RelationStatus;
import org.chancery.relation.web.EventResponse;

@Schema(name = "Relation")
record RelationView(List<String> countries, RelationStatus status, LocalDate since, RelationStatus consularStatus,
        List<EventResponse> events) {

    static RelationView from(RelationSnapshot snapshot) {
        return new RelationView(snapshot.pair().codes(), snapshot.state().status(), snapshot.state().since(),
                snapshot.state().consularStatus(), snapshot.events().stream().map(EventResponse::from).toList());
    }
}
