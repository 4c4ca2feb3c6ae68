package org.chancery.shared.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Chancery API", version = "1",
        description = "Diplomatic relations tracker: relations, diplomats, meetings, missions and milestones, with the "
                + "rules of diplomatic law (API.md rules R1–R21) enforced on every write. Reads are public; writes "
                + "need HTTP Basic credentials of an EDITOR (or ADMIN). Errors are RFC 9457 problem details with a "
                + "stable `code`.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {
}
