/**
 * Long-running work as Jakarta Batch jobs (JBeret, with its job repository in PostgreSQL so
 * that a job survives a restart): transcoding first, later imports, federation refresh and
 * clean-up. Jobs call the domain's services; they know nothing of HTTP.
 */
package org.kinema.batch;
