package org.chancery.diplomat;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DiplomatRepository extends JpaRepository<Diplomat, Long>, JpaSpecificationExecutor<Diplomat> {

    /**
     * The diplomats with these ids, locked until the transaction ends (in the ids' order, so that two
     * writers never wait on each other in a circle), in one statement whatever their number: the ids
     * are bound as one array, so the statement is prepared once (a JPQL {@code in :ids} is translated
     * again for every number of ids).
     */
    @Query(value = "select d.* from diplomat d where d.id = any(:ids) order by d.id for update", nativeQuery = true)
    List<Diplomat> findAllByIdsForUpdate(@Param("ids") Long[] ids);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Diplomat d where d.id = :id")
    Optional<Diplomat> findForUpdate(@Param("id") long id);

    /** The diplomat's name, read without the diplomat (which a lock taken later then reads as it is by then). */
    @Query("select d.name from Diplomat d where d.id = :id")
    Optional<String> findNameById(@Param("id") long id);

    @Query("select d from Diplomat d where d.nameKey = :key and d.country = :country order by d.id")
    List<Diplomat> findByNameKeyAndCountry(@Param("key") String key, @Param("country") String country);
}
