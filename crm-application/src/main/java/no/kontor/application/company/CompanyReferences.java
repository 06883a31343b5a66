package no.kontor.application.company;

import java.util.ArrayList;
import java.util.List;

import no.kontor.application.identity.port.StaffUsers;
import no.kontor.domain.company.Address;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.shared.PostalCode;
import no.kontor.domain.shared.ValidationException;
import no.kontor.domain.shared.ValidationException.FieldError;
import no.kontor.application.company.port.PostalCodeRegister;

/** Checks what a card points at: postal codes in the register, a responsible seller who exists. */
final class CompanyReferences {
    private final PostalCodeRegister postalCodes;
    private final StaffUsers staff;

    CompanyReferences(PostalCodeRegister postalCodes, StaffUsers staff) {
        this.postalCodes = postalCodes;
        this.staff = staff;
    }

    void check(CompanyDetails details) {
        var errors = new ArrayList<FieldError>();
        var codes = new ArrayList<PostalCode>();
        addCode(codes, details.visitingAddress());
        addCode(codes, details.postalAddress());
        var unknown = codes.isEmpty() ? java.util.Set.<PostalCode>of() : postalCodes.unknown(codes);
        unknownCode(errors, unknown, details.visitingAddress(), "visitingAddress.postalCode");
        unknownCode(errors, unknown, details.postalAddress(), "postalAddress.postalCode");
        Long seller = details.responsibleSellerId();
        if (seller != null && staff.find(seller).filter(u -> u.isActive()).isEmpty()) {
            errors.add(new FieldError("responsibleSellerId", "company.seller-unknown",
                    "No active staff user with id " + seller));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void addCode(List<PostalCode> codes, Address address) {
        if (address != null && address.postalCode() != null) {
            codes.add(address.postalCode());
        }
    }

    private static void unknownCode(List<FieldError> errors, java.util.Set<PostalCode> unknown, Address address, String field) {
        if (address != null && address.postalCode() != null && unknown.contains(address.postalCode())) {
            errors.add(new FieldError(field, "postal-code.unknown",
                    "The postal code " + address.postalCode().value() + " is not in the postal-code register"));
        }
    }
}
