package org.kinema.media;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The media tools one piece of work started, so that stopping that work stops its own tools and
 * nobody else's. Every group's processes are also known to the node, which ends them all when it
 * stops: a child process would otherwise outlive the JVM and keep working for a job that runs
 * again elsewhere.
 */
public final class ProcessGroup {

    private static final Set<ProcessGroup> GROUPS = ConcurrentHashMap.newKeySet();

    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public ProcessGroup() {
        GROUPS.add(this);
    }

    /** The tools of requests (probing an upload, reading an image): only the node's stop ends them. */
    public static final ProcessGroup REQUESTS = new ProcessGroup();

    /** Ends every process of this group, and keeps any later one from starting. */
    public void stop() {
        stopped = true;
        processes.forEach(ProcessGroup::destroyTree);
    }

    public boolean isStopped() {
        return stopped;
    }

    /** The node stops: every media tool it runs ends. */
    public static void stopAll() {
        GROUPS.forEach(ProcessGroup::stop);
    }

    void started(Process process) throws MediaException {
        processes.add(process);
        if (stopped) {
            destroyTree(process);
            throw new MediaException("stopped");
        }
    }

    void ended(Process process) {
        processes.remove(process);
    }

    /** The work is over: the group is forgotten. */
    public void close() {
        GROUPS.remove(this);
    }

    static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
