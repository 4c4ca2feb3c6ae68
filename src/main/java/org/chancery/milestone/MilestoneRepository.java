package org.chancery.milestone;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MilestoneRepository extends JpaRepository<Milestone, Long>, MilestoneSearch {

    @Query("select m from Milestone m where m.countryA = :a and m.countryB = :b order by m.targetEnd, m.id")
    List<Milestone> findByPair(@Param("a") String a, @Param("b") String b);

    /**
     * The milestones of a mission that are neither achieved nor cancelled, their rows locked: an
     * achievement or a cancellation in flight (which locks its milestone's row) is waited for.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Milestone m where m.missionId = :missionId and m.achievedOn is null and m.cancelled = false")
    List<Milestone> findOpenOfMissionForUpdate(@Param("missionId") long missionId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Milestone m where m.id = :id")
    Optional<Milestone> findForUpdate(@Param("id") long id);

    @Query("select m.id from Milestone m where m.missionId = :missionId order by m.id")
    List<Long> findIdsOfMission(@Param("missionId") long missionId, Pageable limit);
}
