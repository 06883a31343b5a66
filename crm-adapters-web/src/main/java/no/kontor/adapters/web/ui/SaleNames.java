package no.kontor.adapters.web.ui;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.kontor.application.company.ViewCompany;
import no.kontor.application.identity.ManageStaff;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.NotFoundException;

/**
 * The names a sales page shows for ids, read once per page through the use cases the actor may
 * call: companies (the customer card) and staff (the staff list).
 */
final class SaleNames {
    private static final int MOST_STAFF_PAGES = 20;

    private final Actor actor;
    private final ViewCompany companies;
    private final ManageStaff staff;
    private final Map<Long, String> companyNames = new HashMap<>();
    private List<StaffUser> users;

    SaleNames(Actor actor, ViewCompany companies, ManageStaff staff) {
        this.actor = actor;
        this.companies = companies;
        this.staff = staff;
    }

    /** Reads the names of these companies in one go, so a page of many sales does not ask once per company. */
    SaleNames withCompanies(java.util.Collection<CompanyId> ids) {
        var missing = ids.stream().filter(id -> !companyNames.containsKey(id.value())).distinct().toList();
        companies.names(actor, missing).forEach((id, name) -> companyNames.put(id.value(), name));
        return this;
    }

    String company(CompanyId id) {
        return companyNames.computeIfAbsent(id.value(), k -> {
            try {
                return companies.execute(actor, id).name();
            } catch (NotFoundException e) {
                return "Kunde " + k;
            }
        });
    }

    String user(Long id) {
        if (id == null) {
            return "–";
        }
        return users().stream().filter(u -> id.equals(u.getId())).map(StaffUser::getDisplayName).findFirst().orElse("Bruker " + id);
    }

    /** Who an audit name ({@code user:17}, {@code public}, {@code system:job}) is. */
    String who(String auditName) {
        if (auditName == null) {
            return "–";
        }
        if (auditName.startsWith("user:")) {
            try {
                return user(Long.parseLong(auditName.substring(5)));
            } catch (NumberFormatException e) {
                return auditName;
            }
        }
        if (auditName.equals("public")) {
            return "Bestillingsskjemaet";
        }
        return auditName.startsWith("system:") ? "Systemet" : auditName;
    }

    /** Active staff by name (Norwegian order), as options: id and name. */
    List<Map<String, Object>> sellers() {
        var collator = Collator.getInstance(Locale.forLanguageTag("nb-NO"));
        return users().stream().filter(StaffUser::isActive)
                .sorted(Comparator.comparing(StaffUser::getDisplayName, collator))
                .map(u -> {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("id", u.getId());
                    m.put("name", u.getDisplayName());
                    return (Map<String, Object>) m;
                }).toList();
    }

    private List<StaffUser> users() {
        if (users == null) {
            users = new ArrayList<>();
            String cursor = null;
            for (int i = 0; i < MOST_STAFF_PAGES; i++) {
                var page = staff.list(actor, cursor, 100);
                users.addAll(page.items());
                cursor = page.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
        }
        return users;
    }
}
