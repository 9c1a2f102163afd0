package org.jiotop.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** HTTP basic authentication (RFC 7617) against one user and password. */
public final class BasicAuth {
    static final String CHALLENGE = "Basic realm=\"jiotop\", charset=\"UTF-8\"";

    private final byte[] user;
    private final byte[] password;

    public BasicAuth(String user, String password) {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an Authorization header value names the user with the password. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = 0;
        while (colon < decoded.length && decoded[colon] != ':') {
            colon++;
        }
        if (colon == decoded.length) {
            return false;
        }
        // Both compared in full whatever the first gives: the time taken tells nothing.
        boolean userOk = MessageDigest.isEqual(java.util.Arrays.copyOfRange(decoded, 0, colon), user);
        boolean passwordOk = MessageDigest.isEqual(
                java.util.Arrays.copyOfRange(decoded, colon + 1, decoded.length), password);
        return userOk & passwordOk;
    }
}
