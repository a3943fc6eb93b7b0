package org.chunfeng.gateway.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key every service checks tokens against. */
@RestController
@Tag(name = "Sign-in")
public class JwksController {

    private final Map<String, Object> jwkSet;

    public JwksController(SigningKey key) {
        this.jwkSet = key.publicJwkSet();
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The JSON Web Key Set that verifies Chunfeng access tokens (RS256)")
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(jwkSet);
    }
}
