package org.chancery.shared;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodesFactory;

/**
 * The {@code JdbcTemplate} under every {@code JdbcClient} and {@code NamedParameterJdbcTemplate} (in place of Spring
 * Boot's), whose errors are named by the error codes Spring knows for this database, as Hibernate names its own: a
 * row lock not granted in time (H2's lock timeout 50200, PostgreSQL's {@code lock_timeout} 55P03) is a
 * {@code CannotAcquireLockException}, answered 409 {@code CONCURRENT_MODIFICATION} as the same wait in a Hibernate
 * statement is. Spring's default translator read H2's as a query timeout (503) and did not know PostgreSQL's (500).
 * Codes it does not list fall back to that default. Hibernate keeps its own translation (a translator bean would
 * replace it, and with it the constraint names that its exceptions carry).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseErrors {

    /**
     * The template, its translator told the database once at start-up (a translator that looks the database up at
     * its first error would borrow a second connection then, perhaps from a pool that writers have taken whole).
     */
    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setExceptionTranslator(
                new SQLErrorCodeSQLExceptionTranslator(SQLErrorCodesFactory.getInstance().getErrorCodes(product)));
        return jdbc;
    }
}
