package org.chancery.meeting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    @Query(value = "select m.id from Meeting m where m.date >= :from and m.date <= :to",
            countQuery = "select count(m) from Meeting m where m.date >= :from and m.date <= :to")
    Page<Long> findIds(@Param("from") LocalDate from, @Param("to") LocalDate to, Pageable pageable);

    /**
     * Meetings in which every one of {@code countries} (there are {@code count}) took part. The
     * dates are filtered on the meeting only: a range on {@code meeting_country} as well would make
     * the database scan that index whole instead of looking the countries up.
     */
    @Query(value = """
            select m.id from Meeting m
            where m.date >= :from and m.date <= :to and m.id in (
                select i.id from Meeting i join i.countryIndex c
                where c.country in :countries
                group by i.id having count(c.country) = :count)""",
            countQuery = """
            select count(m) from Meeting m
            where m.date >= :from and m.date <= :to and m.id in (
                select i.id from Meeting i join i.countryIndex c
                where c.country in :countries
                group by i.id having count(c.country) = :count)""")
    Page<Long> findIdsInvolvingAll(@Param("countries") Collection<String> countries, @Param("count") long count,
            @Param("from") LocalDate from, @Param("to") LocalDate to, Pageable pageable);

    @Query(value = """
            select count(*) from meeting_pair
            where country_a = :a and country_b = :b and meeting_date <= :asOf""", nativeQuery = true)
    long countPair(@Param("a") String a, @Param("b") String b, @Param("asOf") LocalDate asOf);

    /**
     * The first {@code limit} meetings of a pair dated from {@code from} to {@code to}, oldest
     * first: rows of {@code id, date, city, title}. The order names every column of the pair
     * index, so that the database reads the index in order and stops at the limit instead of
     * sorting all the pair's meetings. The limit is part of the statement (Hibernate would
     * otherwise rewrite a native statement's text for a {@code Limit} on every execution).
     */
    @Query(value = """
            select m.id, m.meeting_date, m.city, m.title
            from meeting_pair p join meeting m on m.id = p.meeting_id
            where p.country_a = :a and p.country_b = :b and p.meeting_date >= :from and p.meeting_date <= :to
            order by p.country_a, p.country_b, p.meeting_date, p.meeting_id
            fetch first :limit rows only""", nativeQuery = true)
    List<Object[]> findPair(@Param("a") String a, @Param("b") String b, @Param("from") LocalDate from,
            @Param("to") LocalDate to, @Param("limit") int limit);

    /**
     * The ids of one page of the meetings of a pair dated from {@code from} to {@code to}, newest
     * first (date, then id, descending), read backwards along the pair index.
     */
    @Query(value = """
            select p.meeting_id from meeting_pair p
            where p.country_a = :a and p.country_b = :b and p.meeting_date >= :from and p.meeting_date <= :to
            order by p.country_a desc, p.country_b desc, p.meeting_date desc, p.meeting_id desc
            offset :offset rows fetch next :size rows only""", nativeQuery = true)
    List<Long> findIdsOfPairNewestFirst(@Param("a") String a, @Param("b") String b, @Param("from") LocalDate from,
            @Param("to") LocalDate to, @Param("size") int size, @Param("offset") long offset);

    @Query(value = """
            select count(*) from meeting_pair p
            where p.country_a = :a and p.country_b = :b and p.meeting_date >= :from and p.meeting_date <= :to""",
            nativeQuery = true)
    long countPairBetween(@Param("a") String a, @Param("b") String b, @Param("from") LocalDate from,
            @Param("to") LocalDate to);

    /** The meetings a diplomat took part in, oldest first. */
    @Query("""
            select new org.chancery.meeting.MeetingRef(m.id, m.date, m.city, m.title)
            from Meeting m join m.participants p
            where p.diplomatId = :diplomatId
            order by m.date, m.id""")
    List<MeetingRef> findAttendedBy(@Param("diplomatId") long diplomatId, Limit limit);
}
