package no.kontor.application.identity.port;

/** A slow, salted password hash. The application never sees how it is computed. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean matches(char[] password, String hash);
}
