package org.chancery.accreditation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccreditationRepository extends JpaRepository<Accreditation, Long> {

    /**
     * The accreditations of a pair, both directions, oldest first: a union of the two directions'
     * ids, each read along the direction index.
     */
    @Query(value = """
            select x from Accreditation x
            where x.id in (select s.id from Accreditation s where s.sendingCountry = :a and s.receivingCountry = :b
                           union all select r.id from Accreditation r where r.sendingCountry = :b and r.receivingCountry = :a)
            order by x.fromDate, x.id""")
    List<Accreditation> findBetween(@Param("a") String a, @Param("b") String b);

    @Query(value = """
            select x from Accreditation x
            where x.id in (select s.id from Accreditation s where s.sendingCountry = :a and s.receivingCountry = :b
                           union all select r.id from Accreditation r where r.sendingCountry = :b and r.receivingCountry = :a)
            """,
            countQuery = """
            select count(x) from Accreditation x
            where x.id in (select s.id from Accreditation s where s.sendingCountry = :a and s.receivingCountry = :b
                           union all select r.id from Accreditation r where r.sendingCountry = :b and r.receivingCountry = :a)""")
    Page<Accreditation> pageBetween(@Param("a") String a, @Param("b") String b, Pageable pageable);

    @Query("select x from Accreditation x where x.sendingCountry = :sending and x.receivingCountry = :receiving order by x.fromDate, x.id")
    List<Accreditation> findByDirection(@Param("sending") String sending, @Param("receiving") String receiving);

    /** The accreditations whose resident mission is {@code missionId}, starting on or after {@code day}. */
    @Query("select x from Accreditation x where x.residentMissionId = :mission and x.fromDate >= :day order by x.fromDate, x.id")
    List<Accreditation> findResidentFrom(@Param("mission") long missionId, @Param("day") LocalDate day);

    @Query("select x.id from Accreditation x where x.residentMissionId = :missionId order by x.id")
    List<Long> findIdsOfResidentMission(@Param("missionId") long missionId, Pageable limit);

    @Query("select x.id from Accreditation x where x.diplomatId = :diplomatId order by x.id")
    List<Long> findIdsNaming(@Param("diplomatId") long diplomatId, Pageable limit);
}
