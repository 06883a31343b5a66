package no.kontor.application.audit.port;

/** The per-person keys that seal personal data in the audit log. */
public interface PersonalDataKeys {

    /** Deletes the person's key, so their sealed values can never be read again; true if there was one. */
    boolean forget(String subject);
}
