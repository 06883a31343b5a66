package no.kontor.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which files a base backup leaves out, and which WAL segments it needs (BaseBackup's class comment). */
class BackupFileSelectionTest {

    @Test
    void leavesOutWhatTheManualSaysTheServerRemakesOrMustNotSee() {
        for (String path : new String[] {"postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
                "postgresql.auto.conf.tmp", "pg_wal/000000010000000000000001", "pg_wal/archive_status/x.ready",
                "pg_replslot/slot/state", "pg_dynshmem/mmap.1", "pg_notify/0000", "pg_serial/0000", "pg_snapshots/s",
                "pg_stat_tmp/global.stat", "pg_subtrans/0000", "base/pgsql_tmp/pgsql_tmp123.0", "base/16384/pg_internal.init",
                "global/pg_internal.init", "base/16384/t3_16400", "base/16384/t3_16400_fsm", "base/16384/t12_16401.1"}) {
            assertThat(BaseBackup.leftOut(path)).as(path).isTrue();
        }
    }

    @Test
    void keepsTheClusterItself() {
        for (String path : new String[] {"PG_VERSION", "global/pg_control", "global/1260", "base/16384/16400",
                "base/16384/16400_fsm", "base/16384/16400.1", "pg_xact/0000", "pg_multixact/offsets/0000", "postgresql.conf",
                "postgresql.auto.conf", "pg_hba.conf", "pg_wal", "pg_replslot", "pg_stat_tmp", "pg_subtrans", "pg_stat/pgstat.stat",
                "pg_logical/replorigin_checkpoint", "base/16384/PG_VERSION", "sub/backup_label"}) {
            assertThat(BaseBackup.leftOut(path)).as(path).isFalse();
        }
    }

    @Test
    void theWalFromTheStartSegmentToTheStopSegmentAcrossALogIdBoundary() {
        long sixteenMegabytes = 16L << 20; // 256 segments per log id
        assertThat(BaseBackup.walSegments("0000000100000000000000FE", "000000010000000100000001", sixteenMegabytes))
                .containsExactly("0000000100000000000000FE", "0000000100000000000000FF", "000000010000000100000000",
                        "000000010000000100000001");
        assertThat(BaseBackup.walSegments("000000020000000A00000003", "000000020000000A00000003", sixteenMegabytes))
                .containsExactly("000000020000000A00000003");
        long oneGigabyte = 1L << 30; // 4 segments per log id
        assertThat(BaseBackup.walSegments("000000010000000000000003", "000000010000000100000000", oneGigabyte))
                .containsExactly("000000010000000000000003", "000000010000000100000000");
    }

    @Test
    void refusesARangeThatChangedTimelineOrRunsBackwards() {
        assertThatThrownBy(() -> BaseBackup.walSegments("000000010000000000000003", "000000020000000000000004", 16L << 20))
                .hasMessageContaining("timeline");
        assertThatThrownBy(() -> BaseBackup.walSegments("000000010000000000000004", "000000010000000000000003", 16L << 20))
                .hasMessageContaining("before");
        assertThatThrownBy(() -> BaseBackup.walSegments("backup_label", "000000010000000000000003", 16L << 20))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
