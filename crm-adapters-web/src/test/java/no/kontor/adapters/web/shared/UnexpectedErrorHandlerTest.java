package no.kontor.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class UnexpectedErrorHandlerTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainMeanTheDatabaseIsUnavailable() {
        assertThat(UnexpectedErrorHandler.databaseUnavailable(new RuntimeException(new SQLTransientConnectionException("pool timeout")))).isTrue();
        assertThat(UnexpectedErrorHandler.databaseUnavailable(new RuntimeException(new RuntimeException(new SQLException("refused", "08001"))))).isTrue();
        assertThat(UnexpectedErrorHandler.databaseUnavailable(new RuntimeException(new SQLException("terminated", "57P01")))).isTrue();
        assertThat(UnexpectedErrorHandler.databaseUnavailable(new RuntimeException("Could not set read-only",
                new SQLException("Connection is closed")))).as("HikariCP's closed proxy, seen in DatabaseOutageTest").isTrue();
    }

    @Test
    void otherErrorsAreBugsNotOutages() {
        assertThat(UnexpectedErrorHandler.databaseUnavailable(new IllegalStateException("oops"))).isFalse();
        assertThat(UnexpectedErrorHandler.databaseUnavailable(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
        assertThat(UnexpectedErrorHandler.databaseUnavailable(new RuntimeException(new SQLException("no state")))).isFalse();
    }
}
