package org.chancery.country;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CountryRepository extends JpaRepository<Country, String>, CountrySearch {

    Optional<Country> findByAlpha3(String alpha3);

    @Query("select c.code from Country c where c.alpha3 = :alpha3")
    Optional<String> findCodeByAlpha3(@Param("alpha3") String alpha3);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Country c where c.code = :code")
    Optional<Country> findForUpdate(@Param("code") String code);
}
