package org.chancery.milestone;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Text;
import org.chancery.shared.Today;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads milestones, with their status derived for today: one milestone, the filtered list, and
 * the milestones of a pair for the relation view and the timeline. One milestone is one query; a
 * list page two, its ids and then their rows (plus the page count where Spring Data needs it); a
 * milestone has no associations to load. The pair's milestones, read as rows in one statement,
 * take no transaction of their own (they join the caller's); the others a read-only one.
 */
@Service
public class Milestones {

    private final MilestoneRepository repository;
    private final MilestoneRows rows;
    private final Today today;

    Milestones(MilestoneRepository repository, MilestoneRows rows, Today today) {
        this.repository = repository;
        this.rows = rows;
        this.today = today;
    }

    /**
     * @throws NotFoundException if there is no milestone with that id
     */
    @Transactional(readOnly = true)
    public MilestoneView get(long id) {
        return MilestoneView.of(find(id), today.date());
    }

    /**
     * The milestones in {@code status} today that involve {@code country} (either side of the
     * pair); a null filter keeps all. The status filter is a database condition, never a scan.
     */
    @Transactional(readOnly = true)
    public Page<MilestoneView> search(MilestoneStatus status, CountryCode country, Pageable pageable) {
        LocalDate day = today.date();
        Page<Long> ids = repository.search(status, country, day, pageable);
        return new PageImpl<>(rows.byIds(ids.getContent(), day), ids.getPageable(), ids.getTotalElements());
    }

    /** The pair's milestones, ordered by {@code targetEnd} then id. */
    public List<MilestoneView> ofPair(RelationPair pair) {
        return rows.ofPair(pair, today.date());
    }

    /**
     * The pair's first milestone with this title and target, if any: an import's "already there". The target is
     * compared as the planning reads and stores it (trimmed, a partial date written again in its own form).
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code target}) as planning it would
     */
    @Transactional(readOnly = true)
    public Optional<MilestoneView> findSame(RelationPair pair, String title, String target) {
        String canonical = MilestoneService.target(target).toString();
        LocalDate day = today.date();
        return repository.findByPair(pair.first().value(), pair.second().value()).stream()
                // a title an earlier release stored with what is not seen around it is the same title
                .filter(milestone -> Text.strip(milestone.title()).equals(Text.strip(title))
                        && milestone.target().equals(canonical))
                .map(milestone -> MilestoneView.of(milestone, day)).findFirst();
    }

    @Transactional(readOnly = true)
    Milestone find(long id) {
        return repository.findById(id).orElseThrow(() -> NotFoundException.of("milestone", id));
    }

    /**
     * The milestone, its row locked until the transaction ends: concurrent changes of one milestone
     * (or a mission's opening achieving it) are applied one after the other, each seeing the last.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Milestone lock(long id) {
        return repository.findForUpdate(id).orElseThrow(() -> NotFoundException.of("milestone", id));
    }
}
