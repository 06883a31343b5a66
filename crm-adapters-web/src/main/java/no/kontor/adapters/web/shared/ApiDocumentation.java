package no.kontor.adapters.web.shared;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI document is generated from the controllers at compile time
 * (micronaut-openapi) and served at /swagger/kontor-1.0.yml, browsable at /swagger-ui/.
 */
@OpenAPIDefinition(
        info = @Info(title = "Kontor", version = "1.0",
                description = "CRM with invoicing for small Norwegian organisations. Errors are RFC 9457 problem details "
                        + "(application/problem+json). Reads return an ETag; updates need it as If-Match (missing → 428, "
                        + "stale → 412). Log in at POST /api/v1/login and send 'Authorization: Bearer <access_token>'."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class ApiDocumentation {
    private ApiDocumentation() {
    }
}
