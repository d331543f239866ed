package org.kinema.auth;

/** Tokens as handed to the client, once; the server keeps only their hashes. */
public record IssuedToken(String accessToken, String refreshToken, long expiresIn, long refreshTokenExpiresIn) {
}
