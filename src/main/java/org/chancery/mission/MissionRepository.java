package org.chancery.mission;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MissionRepository extends JpaRepository<Mission, Long>, MissionHeadChanges {

    /**
     * The missions of a pair, both directions: a union of the two directions' ids, each read along
     * the direction index (an {@code or} of the two would make H2 read every mission).
     */
    @Query("""
            select m from Mission m
            where m.id in (select s.id from Mission s where s.sendingCountry = :a and s.receivingCountry = :b
                           union all select r.id from Mission r where r.sendingCountry = :b and r.receivingCountry = :a)
            order by m.id""")
    List<Mission> findBetween(@Param("a") String a, @Param("b") String b);

    /** The missions that name {@code successorId} as the mission whose opening superseded them (R8). */
    @Query("select m from Mission m where m.successorId = :successorId order by m.id")
    List<Mission> findSupersededBy(@Param("successorId") long successorId);

    /**
     * Locks the mission's row until the transaction ends, leaving its entity as it is (a pessimistic
     * lock of the entity would take the place of the version increment that {@link #headsChanged} asks).
     */
    @Query(value = "select id from mission where id = :id for update", nativeQuery = true)
    Long lockRow(@Param("id") long id);

    /**
     * The mission's status and days as its row holds them now: values, which a persistence context holding
     * the mission (read earlier in the transaction) does not answer from the mission it holds, as it does a query
     * of the entity.
     */
    @Query("select new org.chancery.mission.MissionState(m.status, m.openedOn, m.closedOn) from Mission m "
            + "where m.id = :id")
    Optional<MissionState> findStateById(@Param("id") long id);

    /** The mission, its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Mission m where m.id = :id")
    Optional<Mission> findForUpdate(@Param("id") long id);

    /**
     * The interests sections that one country of the pair protects in the other (R9), along the
     * protecting power's index (a union of the two ways round, as {@link #findBetween}).
     */
    @Query("""
            select m from Mission m
            where m.id in (select s.id from Mission s where s.protectingPower = :a and s.receivingCountry = :b
                           union all select r.id from Mission r where r.protectingPower = :b and r.receivingCountry = :a)
            order by m.id""")
    List<Mission> findProtectedBetween(@Param("a") String a, @Param("b") String b);

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
            where m.sendingCountry = :sending and m.receivingCountry = :receiving and m.type in :types
              and m.openedOn is not null
            order by m.id""")
    List<Mission> findByDirectionOpened(@Param("sending") String sending, @Param("receiving") String receiving,
            @Param("types") Collection<MissionType> types);

    /** A mission's id and direction. */
    record MissionDirection(long id, String sending, String receiving) {
    }

    /** The missions the diplomat heads or headed, by id and direction. */
    @Query("""
            select new org.chancery.mission.MissionRepository$MissionDirection(m.id, m.sendingCountry, m.receivingCountry)
            from Mission m where m.id in (select h.mission.id from HeadOfMission h where h.diplomatId = :diplomatId)""")
    List<MissionDirection> findDirectionsHeadedBy(@Param("diplomatId") long diplomatId);

    /** The missions the diplomat heads or headed, with their heads. */
    @Query("select distinct m from Mission m join fetch m.heads h where m.id in "
            + "(select d.mission.id from HeadOfMission d where d.diplomatId = :diplomatId) order by m.id")
    List<Mission> findHeadedBy(@Param("diplomatId") long diplomatId);

    @Query("select h.mission.id from HeadOfMission h where h.diplomatId = :diplomatId order by h.id")
    List<Long> findMissionIdsHeadedBy(@Param("diplomatId") long diplomatId, Pageable limit);

    @Query("select m from Mission m where m.sendingCountry = :sending and m.receivingCountry = :receiving "
            + "and m.type = :type order by m.id")
    List<Mission> findByDirectionAndType(@Param("sending") String sending, @Param("receiving") String receiving,
            @Param("type") MissionType type);
}
