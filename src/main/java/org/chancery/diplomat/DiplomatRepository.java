package org.chancery.diplomat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DiplomatRepository extends JpaRepository<Diplomat, Long>, JpaSpecificationExecutor<Diplomat> {

    List<Diplomat> findByIdIn(Collection<Long> ids);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Diplomat d where d.id = :id")
    Optional<Diplomat> findForUpdate(@Param("id") long id);
}
