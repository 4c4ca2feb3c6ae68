package org.chancery.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The product's security (reads public, writes authenticated, its headers) for a {@code @WebMvcTest} slice. */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class SecuritySliceConfiguration {
}
