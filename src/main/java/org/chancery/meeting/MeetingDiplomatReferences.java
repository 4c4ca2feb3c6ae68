package org.chancery.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chancery.diplomat.DiplomatReferences;
import org.chancery.shared.FactChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R21 for meetings: a diplomat who took part in a meeting cannot be deleted. A meeting shows its participants under
 * their diplomats' names as they are (it keeps none of its own): a renaming is a change of each meeting the diplomat
 * took part in, for the change feed.
 */
@Component
@Transactional(readOnly = true)
class MeetingDiplomatReferences implements DiplomatReferences {

    private final MeetingRepository repository;
    private final ApplicationEventPublisher publisher;

    MeetingDiplomatReferences(MeetingRepository repository, ApplicationEventPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    @Override
    public Optional<String> firstReferenceTo(long diplomatId) {
        return repository.findAttendedBy(diplomatId, Limit.of(1)).stream()
                .findFirst()
                .map(ref -> Meeting.describe(ref.id(), ref.date(), ref.city()));
    }

    /**
     * Once the diplomat's row is locked — a meeting recorded with them takes that lock too, and one recorded after the
     * renaming shows the new name in its own creation — the meetings they took part in are each a change. Their rows
     * are locked before they are read: a deletion of one committed between that read and the renaming's end left an
     * {@code UPDATED} of the deleted meeting after its {@code DELETED} in the feed. A deletion under way is waited for
     * and its meeting is then no longer found; a later one waits for the renaming.
     */
    @Override
    public Renaming lockForRenaming(long diplomatId) {
        return name -> {
            repository.lockAttendedBy(diplomatId);
            Map<Long, List<String>> countries = new LinkedHashMap<>();
            for (Object[] row : repository.findCountriesOfMeetingsAttendedBy(diplomatId)) {
                countries.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add((String) row[1]);
            }
            countries.forEach((id, codes) -> publisher.publishEvent(
                    FactChanged.updated("meeting", id, codes.toArray(String[]::new))));
        };
    }
}
