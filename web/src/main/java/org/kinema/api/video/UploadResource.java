package org.kinema.api.video;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinema.account.Caller;
import org.kinema.api.platform.CurrentUser;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.UploadService;
import org.kinema.video.UploadSession;
import org.kinema.video.Video;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PeerTube's resumable protocol at {@code /videos/upload-resumable} (a class path of its own, so
 * that it wins over {@code /videos/{id}}): POST the metadata (201 and a
 * Location with {@code upload_id}), PUT chunks with {@code Content-Range} (308 and
 * {@code Range} until the last, then 200 with the video), DELETE to cancel.
 */
@Path("videos/upload-resumable")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    /** Byte positions of up to 18 digits: any file size, and never past what a long holds. */
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");
    private static final Pattern STATUS_QUERY = Pattern.compile("bytes \\*/(\\d{1,18})");

    @Inject
    private UploadService uploads;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private KinemaSettings settings;

    @Context
    private HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response begin(@HeaderParam("X-Upload-Content-Length") String length) throws IOException {
        Caller caller = currentUser.require();
        Map<String, List<String>> fields = DraftFields.fromJson(request.getInputStream());
        long size;
        try {
            size = Long.parseLong(length == null ? "" : length.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("X-Upload-Content-Length must give the file's size in bytes");
        }
        String filename = DraftFields.text(fields, "filename");
        UploadSession session = uploads.begin(caller, DraftFields.from(fields), filename, size);
        return Response.status(201)
                .header("Location", settings.publicUrl() + "/api/v1/videos/upload-resumable?upload_id=" + session.id())
                .entity(Map.of())
                .build();
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response chunk(@QueryParam("upload_id") String uploadId, @HeaderParam("Content-Range") String contentRange,
                          InputStream body) {
        Caller caller = currentUser.require();
        long received;
        long total;
        if (contentRange != null && STATUS_QUERY.matcher(contentRange.trim()).matches()) {
            received = uploads.received(caller, uploadId);
            total = Long.parseLong(STATUS_QUERY.matcher(contentRange.trim()).replaceAll("$1"));
        } else {
            Matcher range = contentRange == null ? null : CONTENT_RANGE.matcher(contentRange.trim());
            if (range == null || !range.matches()) {
                throw DomainException.invalid("Content-Range must be 'bytes first-last/total'");
            }
            long first = Long.parseLong(range.group(1));
            long last = Long.parseLong(range.group(2));
            total = Long.parseLong(range.group(3));
            if (last < first || last >= total) {
                throw DomainException.invalid("Content-Range is not a range within the file");
            }
            received = uploads.write(caller, uploadId, first, total, body);
        }
        if (received < total) {
            Response.ResponseBuilder incomplete = Response.status(308);
            if (received > 0) {
                incomplete.header("Range", "bytes=0-" + (received - 1));
            }
            return incomplete.build();
        }
        return Response.ok(created(uploads.complete(caller, uploadId))).build();
    }

    /** Cancels an upload; ending one that is complete or unknown is not an error, as PeerTube does. */
    @DELETE
    public Response cancel(@QueryParam("upload_id") String uploadId) {
        Caller caller = currentUser.require();
        try {
            uploads.cancel(caller, uploadId);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        return Response.noContent().build();
    }

    static Map<String, Object> created(Video video) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", video.id());
        summary.put("uuid", video.uuid().toString());
        summary.put("shortUUID", video.shortUuid());
        return Map.of("video", summary);
    }

}
