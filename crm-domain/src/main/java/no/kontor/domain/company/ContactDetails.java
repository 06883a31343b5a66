package no.kontor.domain.company;

import no.kontor.domain.shared.EmailAddress;
import no.kontor.domain.shared.PhoneNumber;
import no.kontor.domain.shared.Validator;

/** What a seller types about a contact person, validated. */
public record ContactDetails(String name, String title, EmailAddress email, PhoneNumber phone, boolean unsubscribed) {
    public static final int MAX_NAME = 200;
    public static final int MAX_TITLE = 200;

    public ContactDetails {
        name = name == null ? null : name.strip();
        title = title == null || title.isBlank() ? null : title.strip();
        new Validator()
                .require(name != null && !name.isEmpty(), "name", "contact.name-missing", "A contact needs a name")
                .require(name == null || name.length() <= MAX_NAME, "name", "contact.name-too-long",
                        "A name is at most " + MAX_NAME + " characters")
                .require(title == null || title.length() <= MAX_TITLE, "title", "contact.title-too-long",
                        "A title is at most " + MAX_TITLE + " characters")
                .throwIfInvalid();
    }

    public static ContactDetails parse(String name, String title, String email, String phone, boolean unsubscribed) {
        var v = new Validator();
        var mail = v.field("email", () -> email == null || email.isBlank() ? null : new EmailAddress(email));
        var tel = v.field("phone", () -> phone == null || phone.isBlank() ? null : new PhoneNumber(phone));
        var details = v.field("", () -> new ContactDetails(name, title, mail, tel, unsubscribed));
        v.throwIfInvalid();
        return details;
    }
}
