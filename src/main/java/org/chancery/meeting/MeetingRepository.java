package org.chancery.meeting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    @Query("select m from Meeting m left join fetch m.participants where m.id = :id")
    Optional<Meeting> findWithParticipants(@Param("id") long id);

    @Query("select m from Meeting m left join fetch m.participants where m.id in :ids")
    List<Meeting> findAllWithParticipants(@Param("ids") Collection<Long> ids);

    @Query(value = "select m.id from Meeting m where m.date >= :from and m.date <= :to",
            countQuery = "select count(m) from Meeting m where m.date >= :from and m.date <= :to")
    Page<Long> findIds(@Param("from") LocalDate from, @Param("to") LocalDate to, Pageable pageable);

    /** Meetings in which every one of {@code countries} (there are {@code count}) took part. */
    @Query(value = """
            select m.id from Meeting m
            where m.date >= :from and m.date <= :to and m.id in (
                select i.id from Meeting i join i.countryIndex c
                where c.country in :countries and c.date >= :from and c.date <= :to
                group by i.id having count(c.country) = :count)""",
            countQuery = """
            select count(m) from Meeting m
            where m.date >= :from and m.date <= :to and m.id in (
                select i.id from Meeting i join i.countryIndex c
                where c.country in :countries and c.date >= :from and c.date <= :to
                group by i.id having count(c.country) = :count)""")
    Page<Long> findIdsInvolvingAll(@Param("countries") Collection<String> countries, @Param("count") long count,
            @Param("from") LocalDate from, @Param("to") LocalDate to, Pageable pageable);

    @Query(value = """
            select count(*) from meeting_pair
            where country_a = :a and country_b = :b and meeting_date <= :asOf""", nativeQuery = true)
    long countPair(@Param("a") String a, @Param("b") String b, @Param("asOf") LocalDate asOf);

    /** The meetings of a pair dated from {@code from} to {@code to}, oldest first. */
    @Query("""
            select new org.chancery.meeting.MeetingRef(m.id, m.date, m.city, m.title)
            from Meeting m join m.pairIndex p
            where p.countryA = :a and p.countryB = :b and p.date >= :from and p.date <= :to
            order by p.date, m.id""")
    List<MeetingRef> findPair(@Param("a") String a, @Param("b") String b, @Param("from") LocalDate from,
            @Param("to") LocalDate to, Limit limit);

    /** The meetings a diplomat took part in, oldest first. */
    @Query("""
            select new org.chancery.meeting.MeetingRef(m.id, m.date, m.city, m.title)
            from Meeting m join m.participants p
            where p.diplomatId = :diplomatId
            order by m.date, m.id""")
    List<MeetingRef> findAttendedBy(@Param("diplomatId") long diplomatId, Limit limit);
}
