package org.chancery.mission;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The mission list's query, with only the filters a request gives (a fragment of {@link MissionRepository}). */
interface MissionSearch {

    /** The ids of a page of the missions the filter keeps, in the page's order. */
    Page<Long> searchIds(MissionService.Filter filter, Pageable pageable);
}
