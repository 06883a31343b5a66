package no.kontor.adapters.persistence.company;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.company.port.PostalCodeRegister;
import no.kontor.domain.shared.PostalCode;
import no.kontor.application.company.PostalPlace;

@Singleton
public class JdbcPostalCodeRegister implements PostalCodeRegister {
    private final Jdbc jdbc;

    public JdbcPostalCodeRegister(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PostalPlace> find(PostalCode code) {
        return jdbc.query("SELECT * FROM postal_code WHERE code = ?", List.of(code.value()),
                rs -> new PostalPlace(rs.getString("code"), rs.getString("place"), rs.getString("municipality_number"),
                        rs.getString("municipality_name"), rs.getString("category"))).stream().findFirst();
    }

    @Override
    public Set<PostalCode> unknown(Collection<PostalCode> codes) {
        var wanted = codes.stream().map(PostalCode::value).distinct().toList();
        var known = new HashSet<>(jdbc.withStatement("SELECT code FROM postal_code WHERE code = ANY (?)", List.of(), ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", wanted.toArray()));
            try (var rs = ps.executeQuery()) {
                var found = new java.util.ArrayList<String>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                return found;
            }
        }));
        var unknown = new HashSet<PostalCode>();
        for (PostalCode code : codes) {
            if (!known.contains(code.value())) {
                unknown.add(code);
            }
        }
        return unknown;
    }

    @Override
    public int replaceAll(Collection<PostalPlace> places) {
        jdbc.update("CREATE TEMP TABLE postal_code_import (LIKE postal_code) ON COMMIT DROP", List.of());
        for (PostalPlace p : places) {
            jdbc.update("INSERT INTO postal_code_import VALUES (?, ?, ?, ?, ?)",
                    java.util.Arrays.asList(p.code(), p.place(), p.municipalityNumber(), p.municipalityName(), p.category()));
        }
        jdbc.update("""
                INSERT INTO postal_code SELECT * FROM postal_code_import
                ON CONFLICT (code) DO UPDATE SET place = excluded.place, municipality_number = excluded.municipality_number,
                    municipality_name = excluded.municipality_name, category = excluded.category""", List.of());
        // codes that left the register are removed unless an address still uses them
        jdbc.update("""
                DELETE FROM postal_code p WHERE NOT EXISTS (SELECT 1 FROM postal_code_import i WHERE i.code = p.code)
                  AND NOT EXISTS (SELECT 1 FROM company c WHERE c.visiting_postal_code = p.code OR c.postal_postal_code = p.code)""",
                List.of());
        return places.size();
    }
}
