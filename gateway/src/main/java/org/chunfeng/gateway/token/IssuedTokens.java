package org.chunfeng.gateway.token;

import java.util.List;

/**
 * What a successful sign-in or refresh answers. The access token goes in {@code Authorization: Bearer} on every API
 * call; the refresh token is exchanged once, at {@code POST /api/auth/refresh}, for a new pair.
 */
public record IssuedTokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn, String subject, List<String> roles, String workerId) {
}
