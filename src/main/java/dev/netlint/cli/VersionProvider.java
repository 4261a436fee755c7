package dev.netlint.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version from the jar manifest (Implementation-Version), else from the build's properties. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        String v = NetlintCommand.class.getPackage().getImplementationVersion();
        if (v != null && !v.isBlank()) {
            return v;
        }
        try (InputStream in = NetlintCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String fromBuild = p.getProperty("version", "");
                if (!fromBuild.isBlank() && !fromBuild.startsWith("${")) {
                    return fromBuild;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"netlint " + version(), "Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vendor") + ")"};
    }
}
