package gan4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions of gan4j and of the libraries on its class path, as their jars record them. */
public final class Versions {

    private Versions() {
    }

    /** gan4j's own version, from the jar manifest ("dev" when run from classes). */
    public static String gan4j() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** A Maven artifact's version from the pom.properties in its jar, or "unknown". */
    public static String library(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The Deeplearning4j release in use. */
    public static String deeplearning4j() {
        return library("org.deeplearning4j", "deeplearning4j-nn");
    }
}
