package no.kontor.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * One jar carries the binaries of both Linux CPUs; the launcher picks the archive whose name
 * zonky gives the JVM's {@code os.arch}, and both names are on a Linux build's class path.
 */
class ArchitectureChoiceTest {

    @Test
    void eachCpuNameTheJvmReportsFindsZonkysArchiveName() {
        assertThat(PostgresBinaries.Archive.architectures("amd64")).containsExactly("x86_64");
        assertThat(PostgresBinaries.Archive.architectures("x86_64")).containsExactly("x86_64");
        assertThat(PostgresBinaries.Archive.architectures("aarch64")).startsWith("arm_64");
        assertThat(PostgresBinaries.Archive.architectures("ARM64")).startsWith("arm_64");
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the both-CPU profile is a Linux build's; elsewhere a build carries its own CPU only
    void aLinuxBuildCarriesTheArchivesOfBothCpus() {
        var loader = PostgresBinaries.class.getClassLoader();
        assertThat(loader.getResource("postgres-linux-x86_64.txz")).as("x86-64").isNotNull();
        assertThat(loader.getResource("postgres-linux-arm_64.txz")).as("arm64").isNotNull();
    }
}
