package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.company.PostalPlace;
import no.kontor.application.company.port.PostalCodeRegister;
import no.kontor.domain.shared.PostalCode;

/** What every {@link PostalCodeRegister} does: the register is replaced whole, and looked up by code. */
public abstract class PostalCodeRegisterContract extends PortContract {

    @Test
    void theRegisterIsReplacedWholeAndLookedUpByCode() {
        var register = port(PostalCodeRegister.class);
        int replaced = tx(() -> register.replaceAll(List.of(new PostalPlace("0150", "OSLO", "0301", "OSLO", "G"),
                new PostalPlace("7030", "TRONDHEIM", "5001", "TRONDHEIM", "G"))));
        assertThat(replaced).isEqualTo(2);
        assertThat(register.find(new PostalCode("7030"))).hasValueSatisfying(p -> assertThat(p.place()).isEqualTo("TRONDHEIM"));
        assertThat(register.unknown(List.of(new PostalCode("0150"), new PostalCode("9999")))).containsExactly(new PostalCode("9999"));

        tx(() -> register.replaceAll(List.of(new PostalPlace("9008", "TROMSØ", "5501", "TROMSØ", "G"))));
        assertThat(register.find(new PostalCode("7030"))).as("gone with the old register").isEmpty();
        assertThat(register.find(new PostalCode("9008"))).hasValueSatisfying(p -> assertThat(p.place()).isEqualTo("TROMSØ"));
    }
}
