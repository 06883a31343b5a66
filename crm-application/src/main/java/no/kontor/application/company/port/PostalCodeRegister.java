package no.kontor.application.company.port;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import no.kontor.domain.shared.PostalCode;
import no.kontor.application.company.PostalPlace;

/** Norway's postal-code register (Bring's), a table of its own. */
public interface PostalCodeRegister {

    Optional<PostalPlace> find(PostalCode code);

    /** Of the given codes, those the register does not know. */
    Set<PostalCode> unknown(Collection<PostalCode> codes);

    /** Replaces the register with Bring's full file; codes in use are kept. Returns the count imported. */
    int replaceAll(Collection<PostalPlace> places);

}
