package org.chancery.country;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CountryRepository extends JpaRepository<Country, String> {

    Optional<Country> findByAlpha3(String alpha3);

    @Query("""
            select c from Country c
            where lower(c.name) like :pattern or lower(c.code) = :q or lower(c.alpha3) = :q
               or c.numericCode = :q""")
    Page<Country> search(@Param("q") String q, @Param("pattern") String pattern, Pageable pageable);
}
