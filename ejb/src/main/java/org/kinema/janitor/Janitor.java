package org.kinema.janitor;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs a janitor's pass every few seconds on every node; only the node that gets the lock works. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Janitor {

    private static final Logger LOG = Logger.getLogger(Janitor.class.getName());

    @Inject
    private JanitorPass pass;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void tick() {
        try {
            pass.deleteRecordedFiles();
            pass.sweepAbandonedWork();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The janitor's pass failed; the next one tries again", e);
        }
    }
}
