package no.kontor.adapters.persistence.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.reporting.port.Dashboards;
import no.kontor.domain.reporting.Dashboard;
import no.kontor.domain.reporting.DashboardLink;
import no.kontor.domain.reporting.RelativePeriod;
import no.kontor.domain.reporting.Widget;
import no.kontor.domain.shared.StaleVersionException;

/** Dashboards in PostgreSQL: the widgets as a JSON array in one column, links with their token's hash only. */
@Singleton
public class JdbcDashboards implements Dashboards {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String BOARD = "id, name, widgets, created_by, created_at, changed_by, changed_at, version";
    private static final String LINK = "id, dashboard_id, token_sha256, created_by, created_at, expires_at, revoked_by, revoked_at";
    private final Jdbc jdbc;

    public JdbcDashboards(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    static String json(List<Widget> widgets) {
        var out = new StringWriter();
        try (var g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (var w : widgets) {
                g.writeStartObject();
                g.writeStringField("kind", w.kind().name());
                if (w.period() != null) {
                    g.writeStringField("period", w.period().name());
                }
                if (w.grain() != null) {
                    g.writeStringField("grain", w.grain());
                }
                if (w.by() != null) {
                    g.writeStringField("by", w.by());
                }
                if (w.team() != null) {
                    g.writeStringField("team", w.team());
                }
                if (w.answerDays() != null) {
                    g.writeNumberField("answerDays", w.answerDays());
                }
                if (w.businessHours() != null) {
                    g.writeBooleanField("businessHours", w.businessHours());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<Widget> widgets(String json) {
        var widgets = new ArrayList<Widget>();
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken(); // [
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String kind = null, period = null, grain = null, by = null, team = null;
                Integer answerDays = null;
                Boolean businessHours = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "kind" -> kind = p.getText();
                        case "period" -> period = p.getText();
                        case "grain" -> grain = p.getText();
                        case "by" -> by = p.getText();
                        case "team" -> team = p.getText();
                        case "answerDays" -> answerDays = p.getIntValue();
                        case "businessHours" -> businessHours = p.getBooleanValue();
                        default -> p.skipChildren();
                    }
                }
                widgets.add(new Widget(Widget.Kind.valueOf(kind), period == null ? null : RelativePeriod.valueOf(period), grain, by, team,
                        answerDays, businessHours));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return widgets;
    }

    private static Dashboard board(ResultSet rs) throws SQLException {
        return new Dashboard(rs.getLong("id"), rs.getString("name"), widgets(rs.getString("widgets")), rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"), rs.getString("changed_by"), Jdbc.instant(rs, "changed_at"), rs.getLong("version"));
    }

    private static DashboardLink link(ResultSet rs) throws SQLException {
        return new DashboardLink(rs.getLong("id"), rs.getLong("dashboard_id"), rs.getString("token_sha256"), rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"), rs.getString("revoked_by"), Jdbc.instant(rs, "revoked_at"));
    }

    @Override
    public Dashboard add(Dashboard d) {
        return jdbc.query("INSERT INTO dashboard (name, widgets, created_by, created_at, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?) "
                + "RETURNING " + BOARD, List.of(d.name(), json(d.widgets()), d.createdBy(), d.createdAt(), d.changedBy(), d.changedAt()),
                JdbcDashboards::board).get(0);
    }

    @Override
    public Optional<Dashboard> find(long id) {
        return jdbc.query("SELECT " + BOARD + " FROM dashboard WHERE id = ?", List.of(id), JdbcDashboards::board).stream().findFirst();
    }

    @Override
    public Dashboard update(Dashboard d) {
        return jdbc.query("UPDATE dashboard SET name = ?, widgets = ?, changed_by = ?, changed_at = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ? RETURNING " + BOARD,
                List.of(d.name(), json(d.widgets()), d.changedBy(), d.changedAt(), d.id(), d.version()), JdbcDashboards::board)
                .stream().findFirst().orElseThrow(() -> new StaleVersionException("dashboard", d.id(), d.version()));
    }

    @Override
    public List<Dashboard> all() {
        return jdbc.query("SELECT " + BOARD + " FROM dashboard ORDER BY name COLLATE \"C\", id", List.of(), JdbcDashboards::board);
    }

    @Override
    public DashboardLink addLink(DashboardLink l) {
        var params = new ArrayList<Object>(List.of(l.dashboardId(), l.tokenSha256(), l.createdBy(), l.createdAt()));
        params.add(l.expiresAt());
        return jdbc.query("INSERT INTO dashboard_link (dashboard_id, token_sha256, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?) "
                + "RETURNING " + LINK, params, JdbcDashboards::link).get(0);
    }

    @Override
    public Optional<DashboardLink> link(long id) {
        return jdbc.query("SELECT " + LINK + " FROM dashboard_link WHERE id = ?", List.of(id), JdbcDashboards::link).stream().findFirst();
    }

    @Override
    public Optional<DashboardLink> linkByToken(String tokenSha256) {
        return jdbc.query("SELECT " + LINK + " FROM dashboard_link WHERE token_sha256 = ?", List.of(tokenSha256), JdbcDashboards::link)
                .stream().findFirst();
    }

    @Override
    public List<DashboardLink> links(long dashboardId) {
        return jdbc.query("SELECT " + LINK + " FROM dashboard_link WHERE dashboard_id = ? ORDER BY id DESC", List.of(dashboardId),
                JdbcDashboards::link);
    }

    @Override
    public void revoke(DashboardLink revoked) {
        jdbc.update("UPDATE dashboard_link SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                List.of(revoked.revokedBy(), revoked.revokedAt(), revoked.id()));
    }
}
