package org.chancery.milestone;

import java.time.LocalDate;

import org.chancery.country.CountryCode;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The milestone list's query, with only the filters a request gives (a fragment of {@link MilestoneRepository}). */
interface MilestoneSearch {

    /**
     * The ids of a page of the milestones in {@code status} on {@code today} that involve
     * {@code country}, in the page's order; null keeps all.
     */
    Page<Long> search(MilestoneStatus status, CountryCode country, LocalDate today, Pageable pageable);
}
