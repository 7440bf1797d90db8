package gan4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import gan4j.testing.TinyRuns;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The emitted Indexed Job against the Kubernetes API's Job schema, with no cluster: fabric8's
 * kubernetes-model classes are generated from the API's OpenAPI definitions, so reading the manifest
 * into them checks every field name, nesting and type. They keep unknown fields in an "additional
 * properties" map instead of failing, so the mapper here drops that catch-all and fails on them.
 * What the schema leaves to the API server's validation (enum values, the rules tying
 * podFailurePolicy to restartPolicy and backoffLimitPerIndex) is asserted beside it.
 */
class KubernetesJobTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .registerModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                                                             BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    return builder;
                }
            }));

    @Test
    void theIndexedJobReadsAsAKubernetesJobAndRetriesPreemptionButNotABadConfig(@TempDir Path dir) throws Exception {
        Path manifest = emit(dir);
        Job job = STRICT.convertValue(yaml(Files.readString(manifest)), Job.class);

        assertEquals("batch/v1", job.getApiVersion());
        assertEquals("Job", job.getKind());
        assertTrue(job.getMetadata().getName().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), job.getMetadata().getName());
        JobSpec spec = job.getSpec();
        assertEquals("Indexed", spec.getCompletionMode());
        assertEquals(6, spec.getCompletions());
        assertEquals(2, spec.getParallelism());
        assertEquals(4, spec.getBackoffLimitPerIndex());

        PodSpec pod = spec.getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy(), "a podFailurePolicy needs restartPolicy: Never");
        Container container = pod.getContainers().get(0);
        assertEquals("registry.example/gan4j:cuda", container.getImage());
        assertEquals(new Quantity("1"), container.getResources().getLimits().get("nvidia.com/gpu"));
        assertEquals(new Quantity("6Gi"), container.getResources().getLimits().get("memory"));
        assertEquals("/mnt/sweep", container.getVolumeMounts().get(0).getMountPath());
        assertEquals("my-claim", pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName());
        assertEquals(container.getVolumeMounts().get(0).getName(), pod.getVolumes().get(0).getName());
        String script = container.getCommand().get(2);
        assertTrue(script.contains("index=$JOB_COMPLETION_INDEX"), script);
        assertTrue(script.contains("sweep='/mnt/sweep'"), script);

        List<PodFailurePolicyRule> rules = spec.getPodFailurePolicy().getRules();
        for (PodFailurePolicyRule rule : rules) {
            assertTrue(List.of("FailJob", "FailIndex", "Ignore", "Count").contains(rule.getAction()), rule.getAction());
            if (rule.getOnExitCodes() != null) {
                assertEquals(container.getName(), rule.getOnExitCodes().getContainerName());
                assertEquals("In", rule.getOnExitCodes().getOperator());
            }
        }
        assertEquals("Ignore", actionFor(rules, 143), "preempted: a new pod, not counted as a failure");
        assertEquals("FailIndex", actionFor(rules, 2), "a bad config fails its index at once");
        assertEquals("Ignore", rules.get(0).getAction());
        assertEquals("DisruptionTarget", rules.get(0).getOnPodConditions().get(0).getType());
    }

    @Test
    void theStrictReadingRefusesAFieldTheJobSchemaDoesNotHave(@TempDir Path dir) throws Exception {
        String text = Files.readString(emit(dir)).replace("completionMode:", "completionMod:");
        Exception refused = assertThrows(IllegalArgumentException.class,
                () -> STRICT.convertValue(yaml(text), Job.class));
        assertTrue(refused.getMessage().contains("completionMod"), refused.getMessage());
    }

    @Test
    void theTaskShellIsValidBash(@TempDir Path dir) throws Exception {
        Job job = STRICT.convertValue(yaml(Files.readString(emit(dir))), Job.class);
        List<String> command = job.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand();
        assertEquals(List.of("bash", "-c"), command.subList(0, 2));
        Process check = new ProcessBuilder("bash", "-n", "-c", command.get(2)).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertEquals(0, check.waitFor(), output);
    }

    private static Path emit(Path dir) throws Exception {
        Path base = TinyRuns.dcganConfig(dir, "");
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, "base: tiny-dcgan.yaml\ngrid: {objective.type: [non_saturating, hinge]}\n"
                + "seeds: [1, 2, 3]\n");
        TinyRuns.Result result = TinyRuns.gan("sweep", "--config", sweep.toString(), "--out", dir.resolve("out")
                .toString(), "--emit", "k8s", "--max-parallel", "2", "--gpus-per-task", "1", "--mem", "6G",
                "--image", "registry.example/gan4j:cuda", "--claim", "my-claim", "--mount", "/mnt/sweep",
                "--retries", "4");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.isRegularFile(base));
        return new SweepDirectory(dir.resolve("out")).kubernetesJob();
    }

    /** Read as YAML 1.1 readers such as kubectl's do for booleans: an unquoted True is not a string. */
    private static Object yaml(String text) {
        assertTrue(!java.util.regex.Pattern.compile("(?m):\\s+[&*]\\w+\\s*$").matcher(text).find(),
                "no anchors or aliases:\n" + text);
        return new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(text);
    }

    private static String actionFor(List<PodFailurePolicyRule> rules, int exitCode) {
        return rules.stream().filter(r -> r.getOnExitCodes() != null && r.getOnExitCodes().getValues().contains(exitCode))
                .findFirst().map(PodFailurePolicyRule::getAction).orElse("none");
    }
}
