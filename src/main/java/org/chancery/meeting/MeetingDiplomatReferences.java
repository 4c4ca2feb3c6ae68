package org.chancery.meeting;

import java.util.Optional;

import org.chancery.diplomat.DiplomatReferences;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** R21 for meetings: a diplomat who took part in a meeting cannot be deleted. */
@Component
@Transactional(readOnly = true)
class MeetingDiplomatReferences implements DiplomatReferences {

    private final MeetingRepository repository;

    MeetingDiplomatReferences(MeetingRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<String> firstReferenceTo(long diplomatId) {
        return repository.findAttendedBy(diplomatId, Limit.of(1)).stream()
                .findFirst()
                .map(ref -> Meeting.describe(ref.id(), ref.date(), ref.city()));
    }
}
