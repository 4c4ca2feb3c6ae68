package org.chancery.meeting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    /** The meeting, its row locked until the transaction ends (a concurrent deletion is waited for). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Meeting m where m.id = :id")
    Optional<Meeting> findForUpdate(@Param("id") long id);

    /**
     * All meetings, in the page's order. Without a condition on the date H2 can read the order
     * along an index that gives it (the primary key for an order by id) instead of taking every
     * meeting through the date index and sorting them.
     */
    @Query(value = "select m.id from Meeting m", countQuery = "select count(m) from Meeting m")
    Page<Long> findAllIds(Pageable pageable);

    @Query(value = "select m.id from Meeting m where m.date >= :from and m.date <= :to",
            countQuery = "select count(m) from Meeting m where m.date >= :from and m.date <= :to")
    Page<Long> findIds(@Param("from") LocalDate from, @Param("to") LocalDate to, Pageable pageable);

    /**
     * The meetings in which every one of {@code :countries} (there are {@code :count}) took part: their rows of the
     * country index, grouped by meeting ({@link MeetingCountryRow}).
     */
    String INVOLVING_ALL = " m.id in (select c.meetingId from MeetingCountryRow c where c.country in :countries"
            + " group by c.meetingId having count(c.country) = :count)";

    /**
     * Of the meetings a condition before it keeps (a diplomat's), those in which every one of {@code :countries}
     * (there are {@code :count}) took part, each looked up by its own country rows: gathering every meeting of the
     * countries first ({@link #INVOLVING_ALL}) cost what a busy country's meetings cost, 0.17–0.27 s on PostgreSQL
     * for a diplomat's few.
     */
    String EACH_INVOLVING_ALL = " (select count(c.country) from MeetingCountryRow c where c.meetingId = m.id"
            + " and c.country in :countries) = :count";

    /** The meetings diplomat {@code :diplomatId} took part in, along the participants' diplomat index. */
    String ATTENDED_BY = " m.id in (select i.id from Meeting i join i.participants p"
            + " where p.diplomatId = :diplomatId)";

    /** The meetings dated from {@code :from} to {@code :to}: the dates are filtered on the meeting only. */
    String DATED = " from Meeting m where m.date >= :from and m.date <= :to and";

    /**
     * Meetings in which every one of {@code countries} (there are {@code count}) took part. The
     * dates are filtered on the meeting only: a range on {@code meeting_country} as well would make
     * the database scan that index whole instead of looking the countries up.
     */
    @Query(value = "select m.id" + DATED + INVOLVING_ALL, countQuery = "select count(m)" + DATED + INVOLVING_ALL)
    Page<Long> findIdsInvolvingAll(@Param("countries") Collection<String> countries, @Param("count") long count,
            @Param("from") LocalDate from, @Param("to") LocalDate to, Pageable pageable);

    /** Meetings the diplomat took part in, in the page's order. */
    @Query(value = "select m.id" + DATED + ATTENDED_BY, countQuery = "select count(m)" + DATED + ATTENDED_BY)
    Page<Long> findIdsAttendedBy(@Param("diplomatId") long diplomatId, @Param("from") LocalDate from,
            @Param("to") LocalDate to, Pageable pageable);

    /** Meetings the diplomat took part in in which every one of {@code countries} (there are {@code count}) did too. */
    @Query(value = "select m.id" + DATED + ATTENDED_BY + " and" + EACH_INVOLVING_ALL,
            countQuery = "select count(m)" + DATED + ATTENDED_BY + " and" + EACH_INVOLVING_ALL)
    Page<Long> findIdsAttendedByInvolvingAll(@Param("diplomatId") long diplomatId,
            @Param("countries") Collection<String> countries, @Param("count") long count,
            @Param("from") LocalDate from, @Param("to") LocalDate to, Pageable pageable);

    /** The meetings a diplomat took part in, oldest first. */
    @Query("""
            select new org.chancery.meeting.MeetingRef(m.id, m.date, m.datePrecision, m.city, m.title)
            from Meeting m join m.participants p
            where p.diplomatId = :diplomatId
            order by m.date, m.id""")
    List<MeetingRef> findAttendedBy(@Param("diplomatId") long diplomatId, Limit limit);

    /**
     * Locks the rows of the meetings a diplomat took part in, by id: a deletion of one under way is waited for, and
     * the meeting it deleted is then no longer found.
     */
    @Query(value = """
            select m.id from meeting m
            where m.id in (select p.meeting_id from meeting_participant p where p.diplomat_id = :diplomatId)
            order by m.id for update""", nativeQuery = true)
    List<Long> lockAttendedBy(@Param("diplomatId") long diplomatId);

    /** The countries of each meeting a diplomat took part in, as pairs of meeting id and country, by meeting. */
    @Query(value = """
            select c.meeting_id, c.country from meeting_country c
            where c.meeting_id in (select p.meeting_id from meeting_participant p where p.diplomat_id = :diplomatId)
            order by c.meeting_id, c.country""", nativeQuery = true)
    List<Object[]> findCountriesOfMeetingsAttendedBy(@Param("diplomatId") long diplomatId);

    @Query("select m.id from Meeting m where m.date = :date and m.country = :country order by m.id")
    List<Long> findIdsOn(@Param("date") LocalDate date, @Param("country") String country);

    /** The participants of the meetings, as pairs of meeting id and diplomat id. */
    @Query(value = "select meeting_id, diplomat_id from meeting_participant where meeting_id in (:ids)",
            nativeQuery = true)
    List<Object[]> findParticipantIds(@Param("ids") Collection<Long> ids);
}
