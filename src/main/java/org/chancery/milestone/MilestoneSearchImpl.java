package org.chancery.milestone;

import java.time.LocalDate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.chancery.country.CountryCode;
import org.chancery.shared.FilteredQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The list filters as conditions of a JPQL query, one query text per combination of filters, which
 * Hibernate translates once (a criteria query is built and looked up again on every request). A
 * derived status becomes a condition on the recorded facts and on today's date, bound as a
 * parameter, mirroring {@link Milestone#status(LocalDate)}.
 */
class MilestoneSearchImpl implements MilestoneSearch {

    private static final String OPEN = "m.achievedOn is null and m.cancelled = false";

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Page<Long> search(MilestoneStatus status, CountryCode country, LocalDate today, Pageable pageable) {
        // either side through its own index (a union of ids), not countryA = :c or countryB = :c, which H2 answers by
        // reading every milestone in the order of their targets
        FilteredQuery query = FilteredQuery.of("Milestone", "m").where("m.id in (select a.id from Milestone a where "
                + "a.countryA = :country union all select b.id from Milestone b where b.countryB = :country)",
                "country", country == null ? null : country.value());
        if (status != null) {
            switch (status) {
                case ACHIEVED -> query.where("m.achievedOn is not null");
                case CANCELLED -> query.where("m.achievedOn is null and m.cancelled = true");
                case OVERDUE -> query.where(OPEN + " and m.targetEnd < :today", "today", today);
                case PENDING -> query.where(OPEN + " and m.targetEnd >= :today", "today", today);
            }
        }
        return query.ids(entityManager, status == null || status == MilestoneStatus.ACHIEVED ? pageable
                : withFixedColumnsFirst(pageable));
    }

    /**
     * The order asked for, after {@code cancelled} and {@code achievedOn}, which are the same on every row of one open
     * or cancelled status, in the direction of its first order: so ordered by targetEnd, either way, the page is read
     * along ix_milestone_status (V35) and stops at its last row, where a database that does not see that those two
     * columns are fixed reads them all and sorts them (H2; PostgreSQL takes {@code achieved_on is null} for no
     * equality).
     */
    private static Pageable withFixedColumnsFirst(Pageable pageable) {
        Sort.Direction direction = pageable.getSort().stream().findFirst().map(Sort.Order::getDirection)
                .orElse(Sort.Direction.ASC);
        Sort sort = Sort.by(direction, "cancelled", "achievedOn").and(pageable.getSort());
        return pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort)
                : Pageable.unpaged(sort);
    }
}
