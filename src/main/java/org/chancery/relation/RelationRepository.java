package org.chancery.relation;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RelationRepository extends JpaRepository<Relation, Long> {

    @Query("select r from Relation r where r.countryA = :a and r.countryB = :b")
    Optional<Relation> findByPair(@Param("a") String a, @Param("b") String b);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Relation r where r.countryA = :a and r.countryB = :b")
    Optional<Relation> findByPairForUpdate(@Param("a") String a, @Param("b") String b);

    @Query("select distinct r from Relation r left join fetch r.events where r.countryA = :a and r.countryB = :b")
    Optional<Relation> findWithEvents(@Param("a") String a, @Param("b") String b);
}
