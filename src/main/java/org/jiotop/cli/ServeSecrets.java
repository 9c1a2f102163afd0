package org.jiotop.cli;

import org.jiotop.http.BasicAuth;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The exporter's password and key store, read from the files {@code --serve-auth} and
 * {@code --serve-tls} name, and the header value of {@code --otlp-header}. Each problem is one
 * message naming the option, the file and what is wrong with it, so that jiotop refuses to start
 * instead of serving (or pushing) with a broken setting.
 */
final class ServeSecrets {
    private ServeSecrets() {
    }

    /** {@code USER:PASSWORD_FILE}: the password is the file's content, without surrounding white space. */
    static BasicAuth basicAuth(String userAndFile) throws IOException {
        int colon = userAndFile.indexOf(':');
        String password = password("--serve-auth", Path.of(userAndFile.substring(colon + 1)));
        return new BasicAuth(userAndFile.substring(0, colon), password);
    }

    /**
     * {@code NAME:FILE}: an HTTP header for {@code --otlp}, its value the file's content without
     * surrounding white space. A value the HTTP client would refuse (a line break inside, a control
     * character) is refused here, once, rather than failing every push; the message leaves the
     * value out, which is a secret.
     */
    static java.util.Map<String, String> otlpHeaders(List<String> namesAndFiles) throws IOException {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String nameAndFile : namesAndFiles) {
            int colon = nameAndFile.indexOf(':');
            String name = nameAndFile.substring(0, colon);
            Path file = Path.of(nameAndFile.substring(colon + 1));
            String value = secret("--otlp-header", "header value file", file);
            try {
                java.net.http.HttpRequest.newBuilder().header(name, value);
            } catch (IllegalArgumentException e) {
                throw new IOException("--otlp-header: header value file " + file + ": not one line of text (an"
                        + " HTTP header value holds no line break, control character or character beyond Latin-1)", e);
            }
            headers.put(name, value);
        }
        return headers;
    }

    /** {@code KEYSTORE:PASSWORD_FILE}: a PKCS#12 key store with the server's key and certificate. */
    static SSLContext tls(String storeAndFile) throws IOException {
        int colon = storeAndFile.indexOf(':');
        Path path = Path.of(storeAndFile.substring(0, colon));
        char[] password = password("--serve-tls", Path.of(storeAndFile.substring(colon + 1))).toCharArray();
        byte[] bytes = read("--serve-tls", "key store", path, SmallFile::bytes);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(new ByteArrayInputStream(bytes), password);
            } catch (IOException e) {
                // The JDK's message ("toDerInputStream rejects tag type 45", or none) helps nobody.
                throw new IOException("--serve-tls: " + path + ": not a PKCS#12 key store, or its password is wrong",
                        e);
            }
            if (Collections.list(store.aliases()).stream().noneMatch(a -> isKey(store, a))) {
                throw new IOException("--serve-tls: " + path + ": holds no private key (a certificate alone"
                        + " cannot serve TLS)");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            try {
                keys.init(store, password);
            } catch (GeneralSecurityException e) {
                throw new IOException("--serve-tls: " + path + ": its key cannot be read with the store's password",
                        e);
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keys.getKeyManagers(), null, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("--serve-tls: " + path + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String password(String option, Path file) throws IOException {
        return secret(option, "password file", file);
    }

    /** The content of {@code file} without surrounding white space; {@code what} the file is, for messages. */
    private static String secret(String option, String what, Path file) throws IOException {
        String secret = read(option, what, file, SmallFile::read).strip();
        if (secret.isEmpty()) {
            // An empty password lets in anyone who sends the user name; neither it nor an empty
            // header is ever what was meant.
            throw new IOException(option + ": " + what + " " + file + " is empty");
        }
        return secret;
    }

    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private static <T> T read(String option, String what, Path file, Reader<T> reader) throws IOException {
        try {
            return reader.read(file);
        } catch (NoSuchFileException e) {
            throw new IOException(option + ": " + what + " " + file + ": no such file", e);
        } catch (IOException e) {
            // SmallFile's messages start with the path.
            throw new IOException(option + ": " + what + " " + e.getMessage(), e);
        }
    }
}
