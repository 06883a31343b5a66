package no.kontor.application.company;

import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.PostalCode;
import no.kontor.application.company.port.PostalCodeRegister;

/** Any staff user looks up the place of a postal code. */
public final class LookUpPostalCode {
    private final PostalCodeRegister register;

    public LookUpPostalCode(PostalCodeRegister register) {
        this.register = register;
    }

    public PostalPlace execute(Actor actor, String code) {
        actor.require(Role.SELLER);
        var postalCode = new PostalCode(code);
        return register.find(postalCode).orElseThrow(() -> new NotFoundException("postal-code", code));
    }
}
