package io.wecomsync.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

    @Test
    void aBenchmarkTakesItsOwnOptionsAndTheJvmOnes() {
        BenchOptions options = BenchOptions.parse("apply", "--repeat", "1", "--wx-args", "--wx.inbox.intake-first.above=0",
                "--gateway-jvm", "-Xmn48m");
        assertThat(options.benchmark()).isEqualTo("apply");
        assertThat(options.readBy(ApplyBenchmark.OPTIONS)).containsEntry("repeat", "1")
                .containsEntry("wx-args", "--wx.inbox.intake-first.above=0").containsEntry("gateway-jvm", "-Xmn48m");
    }

    @Test
    void anOptionTheBenchmarkDoesNotReadIsRefusedBeforeAnythingRuns() {
        BenchOptions misspelt = BenchOptions.parse("apply", "--lag-second", "10", "--jvm-extra", "-Xmx1g");
        assertThatIllegalArgumentException().isThrownBy(() -> misspelt.readBy(ApplyBenchmark.OPTIONS))
                .withMessageStartingWith("apply does not know --jvm-extra, --lag-second (it reads ")
                .withMessageContaining("--lag-seconds");
        assertThatIllegalArgumentException().as("ingest's option, not apply's")
                .isThrownBy(() -> BenchOptions.parse("apply", "--rates", "200").readBy(ApplyBenchmark.OPTIONS));
    }

    @Test
    void aMissingValueATwiceGivenOptionAndTwoBenchmarksAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("apply", "--repeat"))
                .withMessage("option --repeat needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("apply", "--repeat", "1", "--repeat", "2"))
                .withMessage("option --repeat is given twice");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("apply", "ingest"))
                .withMessage("one benchmark at a time, not apply and ingest");
    }
}
