package org.chancery.mission;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MissionRepository extends JpaRepository<Mission, Long> {

    /** The missions of a pair, both directions. */
    @Query("""
            select m from Mission m
            where (m.sendingCountry = :a and m.receivingCountry = :b) or (m.sendingCountry = :b and m.receivingCountry = :a)
            order by m.id""")
    List<Mission> findBetween(@Param("a") String a, @Param("b") String b);

    /** Embassy-class missions of one direction that are open, or were open after {@code day} (R7). */
    @Query("""
            select m from Mission m
            where m.sendingCountry = :sending and m.receivingCountry = :receiving and m.type in :types
              and m.id <> :except and m.openedOn is not null and (m.closedOn is null or m.closedOn > :day)""")
    List<Mission> findEmbassiesOpenAfter(@Param("sending") String sending, @Param("receiving") String receiving,
            @Param("types") Collection<MissionType> types, @Param("except") long except, @Param("day") LocalDate day);

    @Query("""
            select m from Mission m
            where m.sendingCountry = :sending and m.receivingCountry = :receiving and m.status = :status
              and m.type in :types""")
    List<Mission> findByDirection(@Param("sending") String sending, @Param("receiving") String receiving,
            @Param("status") MissionStatus status, @Param("types") Collection<MissionType> types);

    @Query("""
            select m from Mission m
            where (:sending is null or m.sendingCountry = :sending)
              and (:receiving is null or m.receivingCountry = :receiving)
              and (:country is null or m.sendingCountry = :country or m.receivingCountry = :country)
              and (:type is null or m.type = :type)
              and (:status is null or m.status = :status)
              and (cast(:openOn as date) is null or (m.openedOn <= :openOn and (m.closedOn is null or m.closedOn > :openOn)))""")
    Page<Mission> search(@Param("sending") String sending, @Param("receiving") String receiving,
            @Param("country") String country, @Param("type") MissionType type, @Param("status") MissionStatus status,
            @Param("openOn") LocalDate openOn, Pageable pageable);

    @Query("select h.mission.id from HeadOfMission h where h.diplomatId = :diplomatId order by h.id")
    List<Long> findMissionIdsHeadedBy(@Param("diplomatId") long diplomatId, Pageable limit);
}
