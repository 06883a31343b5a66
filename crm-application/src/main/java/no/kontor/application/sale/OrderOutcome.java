package no.kontor.application.sale;

import java.util.LinkedHashMap;

import no.kontor.domain.activity.ActivityId;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.ContactId;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.SaleId;

    /**
     * The reference and the ids an order created, as the idempotency key keeps them.
     * Keys recorded before references existed have none: it is looked up by the sale.
     */
record OrderOutcome(OrderReference reference, CompanyId companyId, ContactId contactId, SaleId saleId, BookingId bookingId,
                   ActivityId activityId) {
        String format() {
            return "company=" + companyId.value() + ";contact=" + contactId.value() + ";sale=" + saleId.value()
                    + ";booking=" + (bookingId == null ? "" : bookingId.value()) + ";activity=" + activityId.value()
                    + ";reference=" + reference.value();
        }

        OrderOutcome withReference(OrderReference r) {
            return new OrderOutcome(r, companyId, contactId, saleId, bookingId, activityId);
        }

        static OrderOutcome parse(String text) {
            var m = new LinkedHashMap<String, String>();
            for (String part : text.split(";")) {
                var kv = part.split("=", 2);
                m.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            String reference = m.get("reference");
            return new OrderOutcome(reference == null || reference.isEmpty() ? null : new OrderReference(reference),
                    new CompanyId(Long.parseLong(m.get("company"))), new ContactId(Long.parseLong(m.get("contact"))),
                    new SaleId(Long.parseLong(m.get("sale"))),
                    m.get("booking").isEmpty() ? null : new BookingId(Long.parseLong(m.get("booking"))),
                    new ActivityId(Long.parseLong(m.get("activity"))));
        }
    }

