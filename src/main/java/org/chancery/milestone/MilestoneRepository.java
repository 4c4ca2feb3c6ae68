package org.chancery.milestone;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MilestoneRepository extends JpaRepository<Milestone, Long>, MilestoneSearch {

    @Query("select m from Milestone m where m.countryA = :a and m.countryB = :b order by m.targetEnd, m.id")
    List<Milestone> findByPair(@Param("a") String a, @Param("b") String b);

    /** The milestones of a mission that are neither achieved nor cancelled. */
    @Query("select m from Milestone m where m.missionId = :missionId and m.achievedOn is null and m.cancelled = false")
    List<Milestone> findOpenOfMission(@Param("missionId") long missionId);
}
