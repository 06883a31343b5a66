package no.kontor.application.reporting;

import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/**
 * Who may take figures away as a file: managers (docs/decisions/reports.md). Every export
 * asks it before its first byte, then reads through the same use case the screen reads.
 */
public final class ExportPolicy {

    public void check(Actor actor) {
        actor.require(Role.MANAGER);
    }
}
