package org.kinema.launcher;

import java.nio.file.Path;

/**
 * The README's run command ends here: starts one node in the foreground with the settings of
 * the environment ({@code KINEMA_*}) and stops it on Ctrl-C.
 * System properties {@code kinema.wildfly.home}, {@code kinema.ear} and {@code kinema.run.dir}
 * are set by the build.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        NodeSettings settings = NodeSettings.builder()
                .wildflyHome(Path.of(required("kinema.wildfly.home")))
                .ear(Path.of(required("kinema.ear")))
                .instanceDir(Path.of(System.getProperty("kinema.run.dir", "run")))
                .build();
        KinemaNode node = KinemaNode.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("Stopping Kinema: " + e);
            }
        }, "kinema-stop"));
        System.out.println();
        System.out.println("Kinema is running at " + settings.publicUrl() + " (Ctrl-C stops it)");
        System.out.println();
        int status = node.awaitExit();
        System.exit(status);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run Kinema with the README's command");
        }
        return value;
    }
}
