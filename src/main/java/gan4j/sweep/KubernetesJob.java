package gan4j.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * {@code DIR/sweep-job.yaml}: the sweep as one Kubernetes Indexed Job, a completion per index
 * ({@code JOB_COMPLETION_INDEX}), the sweep directory on a PersistentVolumeClaim. Its pod failure
 * policy tells the two endings apart: exit 143 (checkpoint written after SIGTERM) and a disruption
 * (eviction, preemption, node drain) start a new pod for the index without using up its retries;
 * exit 2 (the config is wrong, so every retry would fail alike) fails the index at once; anything
 * else counts against {@code backoffLimitPerIndex}.
 */
public final class KubernetesJob {

    /** The container's name, which the failure policy's exit-code rules refer to. */
    static final String CONTAINER = "gan";
    /** The launcher inside the project's Docker image. */
    static final String IMAGE_LAUNCHER = "/gan4j/scripts/gan";
    /** Time between SIGTERM and SIGKILL: gan train's step plus its checkpoint must fit. */
    static final int GRACE_SECONDS = 300;

    /** Where the pods find the sweep and what they may use. */
    public record Target(String image, String claim, String mountPath, int retriesPerIndex) {
    }

    private KubernetesJob() {
    }

    public static String render(SweepManifest manifest, Resources resources, Target target) {
        int count = manifest.runs().size();

        Map<String, Object> limits = new LinkedHashMap<>();
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("cpu", String.valueOf(resources.cpusPerTask()));
        resources.kubernetesMemory().ifPresent(m -> {
            requests.put("memory", m);
            limits.put("memory", m);
        });
        if (resources.gpusPerTask() > 0) {
            limits.put("nvidia.com/gpu", resources.gpusPerTask());
        }
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", CONTAINER);
        container.put("image", target.image());
        container.put("command", List.of("bash", "-c", "sweep=" + TaskScript.quote(target.mountPath())
                + "\nindex=$JOB_COMPLETION_INDEX\n" + TaskScript.body(IMAGE_LAUNCHER, "")));
        container.put("env", List.of(env("OMP_NUM_THREADS", String.valueOf(resources.cpusPerTask()))));
        Map<String, Object> resourceMap = new LinkedHashMap<>();
        resourceMap.put("requests", requests);
        if (!limits.isEmpty()) {
            resourceMap.put("limits", limits);
        }
        container.put("resources", resourceMap);
        container.put("volumeMounts", List.of(map("name", "sweep", "mountPath", target.mountPath())));

        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("restartPolicy", "Never");
        podSpec.put("terminationGracePeriodSeconds", GRACE_SECONDS);
        podSpec.put("containers", List.of(container));
        podSpec.put("volumes", List.of(map("name", "sweep", "persistentVolumeClaim",
                map("claimName", target.claim()))));

        List<Object> rules = new ArrayList<>();
        rules.add(map("action", "Ignore", "onPodConditions", List.of(map("type", "DisruptionTarget",
                "status", "True"))));
        rules.add(map("action", "Ignore", "onExitCodes", exitCodes(RunState.PREEMPTED_EXIT)));
        rules.add(map("action", "FailIndex", "onExitCodes", exitCodes(2)));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("completionMode", "Indexed");
        spec.put("completions", count);
        spec.put("parallelism", Math.min(resources.maxParallel(), count));
        spec.put("backoffLimitPerIndex", target.retriesPerIndex());
        spec.put("podFailurePolicy", map("rules", rules));
        spec.put("template", map("metadata", map("labels", labels(manifest)), "spec", podSpec));

        Map<String, Object> job = new LinkedHashMap<>();
        job.put("apiVersion", "batch/v1");
        job.put("kind", "Job");
        job.put("metadata", map("name", name("gan4j-" + manifest.name(), 63), "labels", labels(manifest)));
        job.put("spec", spec);
        return "# Sweep " + manifest.name() + ": " + count + " runs as a Kubernetes Indexed Job, written by gan"
                + " sweep.\n# The sweep directory must be on the claim " + target.claim() + " (mounted at "
                + target.mountPath() + "), and each config's data.path readable in the pod.\n"
                + new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
                        // Core-schema quoting, so that a string such as "True" stays a string for YAML 1.1
                        // readers like kubectl's.
                        .setSchema(new CoreSchema()).build()).dumpToString(job);
    }

    /** A fresh map each time: a shared one would be dumped as an anchor and an alias. */
    private static Map<String, Object> labels(SweepManifest manifest) {
        return map("app.kubernetes.io/name", "gan4j", "gan4j/sweep", name(manifest.name(), 63));
    }

    private static Map<String, Object> exitCodes(int code) {
        return map("containerName", CONTAINER, "operator", "In", "values", List.of(code));
    }

    private static Map<String, Object> env(String name, String value) {
        return map("name", name, "value", value);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A DNS-1123 label: lower-case letters, digits and '-', starting and ending alphanumeric. */
    static String name(String text, int maxLength) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+", "");
        name = name.length() > maxLength ? name.substring(0, maxLength) : name;
        name = name.replaceAll("-+$", "");
        return name.isEmpty() ? "gan4j" : name;
    }
}
