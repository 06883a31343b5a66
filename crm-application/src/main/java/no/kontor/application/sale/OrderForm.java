package no.kontor.application.sale;

import java.time.LocalDate;

import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.company.ContactDetails;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.shared.ValidationException;
import no.kontor.domain.shared.Validator;

/** The order form's fields checked at once, every fault named by its field, before anything is read or written. */
final class OrderForm {
    private OrderForm() {
    }

    record Checked(PlaceOrder.Form form, CompanyDetails company, ContactDetails contact, Period period) {
    }

    static Checked check(PlaceOrder.Form f, LocalDate today, PlaceOrder.Limits limits) {
        var v = new Validator();
        var company = renamed(v, "name", "companyName", () -> CompanyDetails.parse(f.companyName(), f.organisationNumber(),
                CompanyStatus.PROSPECT, null, null, null, null, null, null, null, null, null));
        var contact = renamed(v, "name", "contactName", () -> ContactDetails.parse(f.contactName(), null, f.email(), f.phone(), false));
        v.require(f.email() != null && !f.email().isBlank(), "email", "order.email-missing", "An order needs an e-mail address");
        v.require(f.placementId() != null, "placementId", "order.placement-missing", "An order names the placement");
        var period = v.field("", () -> new Period(f.firstDay(), f.lastDay()));
        v.require(f.firstDay() == null || !f.firstDay().isBefore(today), "firstDay", "order.period-in-past",
                "The first day " + f.firstDay() + " has passed; today is " + today + " (Europe/Oslo)");
        var latestFirst = today.plusDays(limits.maxDaysAhead());
        v.require(f.firstDay() == null || !f.firstDay().isAfter(latestFirst), "firstDay", "order.period-too-far-ahead",
                "The form takes orders starting by " + latestFirst + " (" + limits.maxDaysAhead() + " days ahead); "
                        + "for later ones, please contact us");
        v.require(period == null || period.days() <= limits.maxDays(), "lastDay", "order.period-too-long",
                "An order from the form reserves at most " + limits.maxDays() + " days; the last day is "
                        + (period == null ? null : period.firstDay().plusDays(limits.maxDays() - 1L)) + " at the latest");
        v.require(f.message() == null || f.message().length() <= PlaceOrder.MAX_MESSAGE, "message", "order.message-too-long",
                "A message is at most " + PlaceOrder.MAX_MESSAGE + " characters");
        v.throwIfInvalid();
        return new Checked(f, company, contact, period);
    }

    private static <T> T renamed(Validator v, String from, String to, java.util.function.Supplier<T> build) {
        return v.field("", () -> {
            try {
                return build.get();
            } catch (ValidationException e) {
                throw new ValidationException(e.errors().stream().map(err -> from.equals(err.field())
                        ? new ValidationException.FieldError(to, err.code(), err.message()) : err).toList());
            }
        });
    }
}
