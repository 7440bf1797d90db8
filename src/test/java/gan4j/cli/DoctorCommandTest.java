package gan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.testing.TinyRuns;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {

    @Test
    void doctorNamesTheBuildTheGpusTheBackendAndTheData() {
        TinyRuns.Result doctor = TinyRuns.gan("doctor");
        assertEquals(ExitCodes.OK, doctor.exitCode(), doctor.err());
        String out = doctor.out();
        for (String line : new String[] {"gan4j ", "java: ", "cpus: ", "memory limit: ", "threads: ", "allocator: ",
            "build: CPU (nd4j-native)", "GPUs: ", "backend: nd4j-native", "data fashion-mnist: "}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(line)), line + " missing in\n" + out);
        }
    }
}
