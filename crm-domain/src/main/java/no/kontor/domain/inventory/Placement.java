package no.kontor.domain.inventory;

import java.time.Instant;
import java.util.Objects;

import no.kontor.domain.shared.Validator;

/** A sellable ad placement ("front page top banner"), sold by the day or the week. */
public record Placement(PlacementId id, String name, String description, String channel, Unit unit, boolean active,
                        Instant createdAt, Instant changedAt, long version) {

    public enum Unit { DAY, WEEK }

    public Placement {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        name = name == null ? null : name.strip();
        new Validator()
                .require(name != null && !name.isEmpty() && name.length() <= 200, "name", "placement.name-invalid",
                        "A placement's name is 1–200 characters")
                .require(unit != null, "unit", "placement.unit-missing", "A placement is sold by DAY or WEEK")
                .throwIfInvalid();
    }

    /** How many units of this placement a period takes: days, or weeks begun. */
    public long unitsIn(Period period) {
        return unit == Unit.DAY ? period.days() : (period.days() + 6) / 7;
    }

    /** This placement with its fields changed by an admin. */
    public Placement change(String newName, String newDescription, String newChannel, Unit newUnit, boolean nowActive,
                            java.time.Instant now) {
        return new Placement(id, newName, newDescription, newChannel, newUnit, nowActive, createdAt, now, version);
    }
}
