package org.chancery.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.chancery.security.SecuritySliceConfiguration;
import org.chancery.shared.ReadOnlyDatabases;
import org.chancery.shared.web.CsvLists;
import org.chancery.shared.web.WebSliceConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Beside {@code @WebMvcTest(SomeController.class)}: what every slice of the API needs besides the controller's own
 * services, which the test mocks — the filters' metrics, the product's security, and mocks of the CSV writer and of
 * the read-only database check that the shared web classes take.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({WebSliceConfiguration.class, SecuritySliceConfiguration.class})
@MockitoBean(types = {CsvLists.class, ReadOnlyDatabases.class})
public @interface WebSlice {
}
