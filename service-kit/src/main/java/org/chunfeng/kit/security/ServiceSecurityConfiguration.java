package org.chunfeng.kit.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.chunfeng.contracts.access.TokenClaims;
import org.chunfeng.kit.error.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.core.convert.converter.Converter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service validates the gateway's tokens itself: only health, metrics and API docs are open, plus the
 * paths a service names public. Roles come from the {@code roles} claim; controllers check them with
 * {@code @PreAuthorize}. 401 and 403 are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServiceSecurityConfiguration {

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, ServiceSecurityProperties properties, JsonMapper json)
            throws Exception {
        List<RequestMatcher> open = new ArrayList<>();
        for (String entry : properties.publicPaths()) {
            String[] parts = entry.trim().split("\\s+", 2);
            open.add(parts.length == 2
                    ? org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                            .matcher(HttpMethod.valueOf(parts[0]), parts[1])
                    : org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                            .matcher(parts[0]));
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                            "/actuator/info", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
                            "/error").permitAll();
                    open.forEach(m -> auth.requestMatchers(m).permitAll());
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesConverter()))
                        .authenticationEntryPoint((request, response, e) -> write(response, json,
                                Problems.unauthorized())))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> write(response, json,
                                Problems.unauthorized()))
                        .accessDeniedHandler((request, response, e) -> write(response, json, Problems.forbidden())));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(ServiceSecurityProperties properties) throws Exception {
        NimbusJwtDecoder decoder;
        if (properties.publicKey() != null && !properties.publicKey().isBlank()) {
            byte[] der = Base64.getDecoder().decode(properties.publicKey().replaceAll("-----[A-Z ]+-----|\\s", ""));
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            decoder = NimbusJwtDecoder.withPublicKey(key).build();
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri()).build();
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return decoder;
    }

    private static void write(jakarta.servlet.http.HttpServletResponse response, JsonMapper json,
            ProblemDetail problem) throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** Maps the {@code roles} claim to Spring's {@code ROLE_} authorities. */
    static final class RolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
            if (roles != null) {
                roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}
