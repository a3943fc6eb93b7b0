package org.chunfeng.gateway.routing;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own API document: sign-in, tokens and staff accounts, with the bearer token Swagger UI sends. */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    @Bean
    OpenAPI gatewayApi() {
        return new OpenAPI()
                .info(new Info().title("Chunfeng gateway").version("v1").description("Sign-in for staff and workers,"
                        + " token refresh, the public key (JWKS) and staff accounts. Every other API is a service's,"
                        + " reached through this gateway with the access token in Authorization: Bearer."))
                .addServersItem(new Server().url("/").description("Chunfeng gateway"))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
