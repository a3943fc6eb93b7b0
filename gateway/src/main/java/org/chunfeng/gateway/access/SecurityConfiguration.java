package org.chunfeng.gateway.access;

import java.util.ArrayList;
import java.util.Collection;
import org.chunfeng.contracts.access.TokenClaims;
import org.chunfeng.gateway.error.ProblemResponses;
import org.chunfeng.gateway.error.Problems;
import org.chunfeng.gateway.token.SigningKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * The gateway checks every token itself (signature, issuer, expiry) and applies {@link AccessPolicy} before a request
 * is routed; the token then travels on to the service, which checks it again. No sessions, no cookies: a request is
 * who its bearer token says.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    OpenRouteHeaderFilter openRouteHeaderFilter(AccessPolicy policy) {
        return new OpenRouteHeaderFilter(policy);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKey key) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenClaims.ISSUER));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, AccessPolicy policy, ReactiveJwtDecoder decoder,
            ProblemResponses problems) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> problems.write(exchange,
                Problems.unauthorized());
        ServerAccessDeniedHandler forbidden = (exchange, e) -> problems.write(exchange, Problems.forbidden());
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(new PolicyCheck(policy)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        // A stale token sent to an open path (sign-in, self-registration) is simply not looked at.
                        .bearerTokenConverter(exchange -> policy.isOpen(exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath().value()) ? Mono.empty() : bearer.convert(exchange))
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(new RolesConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /** Paths the firewall refuses ({@code ..}, encoded slashes, semicolons) get a problem+json 400 too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequestHandler(ProblemResponses problems) {
        return (exchange, e) -> problems.write(exchange, Problems.of(HttpStatus.BAD_REQUEST, "rejected-request",
                "Request refused", "The request path or headers are not allowed."));
    }

    /** Grants per {@link AccessPolicy}; an anonymous caller refused here gets 401, a known one 403. */
    static final class PolicyCheck implements ReactiveAuthorizationManager<AuthorizationContext> {

        private final AccessPolicy policy;

        PolicyCheck(AccessPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication,
                AuthorizationContext context) {
            var request = context.getExchange().getRequest();
            return authentication.map(Callers::from).map(java.util.Optional::of)
                    .defaultIfEmpty(java.util.Optional.empty())
                    .map(caller -> {
                        AccessPolicy.Verdict verdict = policy.decide(request.getMethod(), request.getPath().value(),
                                caller.orElse(null));
                        return new AuthorizationDecision(verdict == AccessPolicy.Verdict.OPEN
                                || verdict == AccessPolicy.Verdict.ALLOWED);
                    });
        }
    }

    /** The {@code roles} claim as {@code ROLE_} authorities; the principal's name is the token's subject. */
    static final class RolesConverter
            implements org.springframework.core.convert.converter.Converter<Jwt, Mono<AbstractAuthenticationToken>> {

        @Override
        public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            Callers.from(jwt).roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        }
    }
}
