package dev.perfgate.junit;

import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Where and how {@link KubernetesWorkers} runs a distributed run's workers, from the {@code perfgate.kubernetes.*}
 * system properties. None is required.
 *
 * <pre>{@code
 * -Dperfgate.kubernetes.image=registry.example.com/shop/load-tests:42 -Dperfgate.kubernetes.namespace=load
 * -Dperfgate.kubernetes.cpu=2 -Dperfgate.kubernetes.memory=2Gi
 * }</pre>
 *
 * @param image the workers' image: the test classpath, with {@code ENTRYPOINT ["java", "@/perfgate/classpath.args"]};
 *        {@code null}: the {@link WorkerImage} built on the local Docker engine
 * @param namespace where the Job runs; {@code null}: the client's namespace, else {@code default}
 * @param cpu each worker's CPU, requested and its limit, e.g. {@code 1} or {@code 500m}; {@code null}: the namespace's default
 * @param memory each worker's memory, requested and its limit, e.g. {@code 1Gi}; {@code null}: the namespace's default
 * @param serviceAccount the workers' service account; {@code null}: the namespace's default
 */
record KubernetesJobSettings(String image, String namespace, String cpu, String memory, String serviceAccount) {

    /** System property: the workers' image, {@value}. */
    static final String IMAGE_PROPERTY = "perfgate.kubernetes.image";
    /** System property: the namespace of the workers' Job, {@value}. */
    static final String NAMESPACE_PROPERTY = "perfgate.kubernetes.namespace";
    /** System property: each worker's CPU, {@value}. */
    static final String CPU_PROPERTY = "perfgate.kubernetes.cpu";
    /** System property: each worker's memory, {@value}. */
    static final String MEMORY_PROPERTY = "perfgate.kubernetes.memory";
    /** System property: the workers' service account, {@value}. */
    static final String SERVICE_ACCOUNT_PROPERTY = "perfgate.kubernetes.serviceAccount";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    /**
     * The settings the system properties give.
     *
     * @throws IllegalArgumentException naming the property and a valid value
     */
    static KubernetesJobSettings fromProperties() {
        String image = property(IMAGE_PROPERTY);
        if (image != null && image.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("system property " + IMAGE_PROPERTY + ": '" + image + "' is not an image"
                    + " reference, e.g. -D" + IMAGE_PROPERTY + "=registry.example.com/shop/load-tests:1.4.2");
        }
        String namespace = property(NAMESPACE_PROPERTY);
        requireName(NAMESPACE_PROPERTY, namespace, DNS_LABEL, "load-tests");
        String serviceAccount = property(SERVICE_ACCOUNT_PROPERTY);
        requireName(SERVICE_ACCOUNT_PROPERTY, serviceAccount, DNS_SUBDOMAIN, "perfgate-worker");
        return new KubernetesJobSettings(image, namespace, quantity(CPU_PROPERTY, "2 or 500m"),
                quantity(MEMORY_PROPERTY, "2Gi or 1500Mi"), serviceAccount);
    }

    /** These settings with {@code workerImage} as the image. */
    KubernetesJobSettings withImage(String workerImage) {
        return new KubernetesJobSettings(workerImage, namespace, cpu, memory, serviceAccount);
    }

    /** {@link #namespace}, else {@code clientNamespace}, else {@code default}. */
    String namespaceOr(String clientNamespace) {
        if (namespace != null) {
            return namespace;
        }
        return clientNamespace == null || clientNamespace.isBlank() ? "default" : clientNamespace;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireName(String property, String value, Pattern valid, String example) {
        if (value != null && !valid.matcher(value).matches()) {
            throw new IllegalArgumentException("system property " + property + ": '" + value + "' is not a Kubernetes name"
                    + " (lowercase letters, digits and '-'), e.g. -D" + property + "=" + example);
        }
    }

    /** The property's quantity as Kubernetes reads it, checked here: the API server would refuse the whole Job. */
    private static String quantity(String property, String examples) {
        String value = property(property);
        if (value == null) {
            return null;
        }
        try {
            if (Quantity.getAmountInBytes(Quantity.parse(value)).signum() > 0) {
                return value;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // named below
        }
        throw new IllegalArgumentException("system property " + property + ": '" + value + "' is not a positive Kubernetes"
                + " quantity, e.g. " + examples + " (-D" + property + "=" + examples.split(" ")[0] + ")");
    }
}
