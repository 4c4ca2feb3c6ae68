package org.chancery.mission;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.chancery.country.CountryCode;
import org.chancery.shared.FilteredQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

class MissionSearchImpl implements MissionSearch {

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * {@code country} matches either side through the two direction indexes (a union of ids)
     * rather than {@code sending = :c or receiving = :c}, which H2 answers by reading every
     * mission.
     */
    @Override
    public Page<Long> searchIds(MissionService.Filter filter, Pageable pageable) {
        return FilteredQuery.of("Mission", "m")
                .where("m.sendingCountry = :sending", "sending", code(filter.sending()))
                .where("m.receivingCountry = :receiving", "receiving", code(filter.receiving()))
                .where("""
                        m.id in (select s.id from Mission s where s.sendingCountry = :country
                                 union all select r.id from Mission r where r.receivingCountry = :country)""",
                        "country", code(filter.country()))
                .where("m.type = :type", "type", filter.type())
                .where("m.status = :status", "status", filter.status())
                .where("m.openedOn <= :openOn and (m.closedOn is null or m.closedOn > :openOn)", "openOn",
                        filter.openOn())
                .ids(entityManager, pageable);
    }

    private static String code(CountryCode code) {
        return code == null ? null : code.value();
    }
}
