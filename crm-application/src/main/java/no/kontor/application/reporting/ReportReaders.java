package no.kontor.application.reporting;

import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/**
 * Who reads the figures a dashboard can show: every member of staff, and a published
 * dashboard link while it works (its actor is {@link #link(long)}; ReadSharedDashboard makes
 * one only after checking the link). Nothing else in Kontor accepts that actor.
 */
final class ReportReaders {
    private static final String LINK = "dashboard-link:";

    private ReportReaders() {
    }

    static Actor link(long linkId) {
        return Actor.system(LINK + linkId);
    }

    static void require(Actor actor) {
        if (actor.kind() == Actor.Kind.SYSTEM && actor.name().startsWith(LINK)) {
            return;
        }
        actor.require(Role.SELLER);
    }
}
