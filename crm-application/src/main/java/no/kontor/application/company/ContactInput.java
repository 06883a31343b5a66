package no.kontor.application.company;

import no.kontor.domain.company.ContactDetails;

/** A contact person as the caller typed it. */
public record ContactInput(String name, String title, String email, String phone, boolean unsubscribed) {

    public ContactDetails toDetails() {
        return ContactDetails.parse(name, title, email, phone, unsubscribed);
    }
}
