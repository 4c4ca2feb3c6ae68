package org.chancery.milestone;

import java.time.LocalDate;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.chancery.country.CountryCode;
import org.springframework.data.jpa.domain.Specification;

/**
 * The list filters as database conditions. A derived status becomes a condition on the recorded
 * facts and on today's date, bound as a parameter, mirroring {@link Milestone#status(LocalDate)}.
 */
final class MilestoneCriteria {

    private MilestoneCriteria() {
    }

    /** Milestones in {@code status} on {@code today} and involving {@code country}; null means any. */
    static Specification<Milestone> matching(MilestoneStatus status, CountryCode country, LocalDate today) {
        Specification<Milestone> spec = Specification.unrestricted();
        if (country != null) {
            spec = spec.and(involving(country));
        }
        if (status != null) {
            spec = spec.and(inStatus(status, today));
        }
        return spec;
    }

    static Specification<Milestone> involving(CountryCode country) {
        return (root, query, cb) -> cb.or(cb.equal(root.get("countryA"), country.value()),
                cb.equal(root.get("countryB"), country.value()));
    }

    static Specification<Milestone> inStatus(MilestoneStatus status, LocalDate today) {
        return (root, query, cb) -> switch (status) {
            case ACHIEVED -> cb.isNotNull(root.get("achievedOn"));
            case CANCELLED -> cb.and(cb.isNull(root.get("achievedOn")), cb.isTrue(root.get("cancelled")));
            case OVERDUE -> cb.and(open(root, cb), cb.lessThan(root.<LocalDate>get("targetEnd"), today));
            case PENDING -> cb.and(open(root, cb), cb.greaterThanOrEqualTo(root.<LocalDate>get("targetEnd"), today));
        };
    }

    private static Predicate open(Root<Milestone> root, CriteriaBuilder cb) {
        return cb.and(cb.isNull(root.get("achievedOn")), cb.isFalse(root.get("cancelled")));
    }
}
