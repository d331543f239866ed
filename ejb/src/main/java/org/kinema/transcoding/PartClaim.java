package org.kinema.transcoding;

import org.kinema.media.Part;

import java.util.Properties;

/**
 * One job's claim on a part of a video's transcoding: the part's own lease ({@code leaseId}),
 * taken while the video's lease {@code videoLeaseId} holds; either running out voids it.
 */
public record PartClaim(long videoId, String videoLeaseId, String leaseId, Part part) {

    private static final String VIDEO_LEASE_ID = "videoLeaseId";
    private static final String PART = "part";
    private static final String START = "partStart";
    private static final String SECONDS = "partSeconds";
    private static final String LAST = "partLast";

    /** The file the claim's job encodes the part into, in the parts folder of the video's lease. */
    public String output() {
        return "part-" + part.index() + "-" + leaseId + ".mp4";
    }

    /** The parameters of the part job started for this claim (its lease id under {@link TranscodeScheduler#LEASE_ID}). */
    public Properties jobParameters() {
        Properties parameters = new Properties();
        parameters.setProperty(TranscodeScheduler.VIDEO_ID, String.valueOf(videoId));
        parameters.setProperty(TranscodeScheduler.LEASE_ID, leaseId);
        parameters.setProperty(VIDEO_LEASE_ID, videoLeaseId);
        parameters.setProperty(PART, String.valueOf(part.index()));
        parameters.setProperty(START, String.valueOf(part.start()));
        parameters.setProperty(SECONDS, String.valueOf(part.seconds()));
        parameters.setProperty(LAST, String.valueOf(part.last()));
        return parameters;
    }

    /** The claim a part job was started with, read back from its parameters. */
    public static PartClaim of(Properties parameters) {
        return new PartClaim(Long.parseLong(parameters.getProperty(TranscodeScheduler.VIDEO_ID)),
                parameters.getProperty(VIDEO_LEASE_ID), parameters.getProperty(TranscodeScheduler.LEASE_ID),
                new Part(Integer.parseInt(parameters.getProperty(PART)), Integer.parseInt(parameters.getProperty(START)),
                        Integer.parseInt(parameters.getProperty(SECONDS)), Boolean.parseBoolean(parameters.getProperty(LAST))));
    }
}
