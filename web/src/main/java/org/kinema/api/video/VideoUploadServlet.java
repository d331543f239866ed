package org.kinema.api.video;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.kinema.account.Caller;
import org.kinema.api.platform.BearerTokenFilter;
import org.kinema.api.platform.JsonMapper;
import org.kinema.api.platform.Problem;
import org.kinema.api.platform.ProblemMapper;
import org.kinema.api.platform.RequestLimits;
import org.kinema.auth.TokenService;
import org.kinema.platform.DomainException;
import org.kinema.video.UploadService;
import org.kinema.video.Video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code POST /api/v1/videos/upload}: PeerTube's one-request upload, a multipart form with the
 * file in {@code videofile}. A servlet of its own (this exact path wins over the API's), because
 * the container spools multi-GB parts to disk only for servlets declaring a multipart config.
 * Text fields stay small in memory (larger ones go to disk, and are refused past their bound);
 * images are bounded as PeerTube bounds them; a form the container cannot read is the client's
 * mistake (400), one past the upload limit 413.
 */
@WebServlet("/api/v1/videos/upload")
@MultipartConfig(fileSizeThreshold = 16 * 1024)
public class VideoUploadServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(VideoUploadServlet.class.getName());

    @Inject
    private UploadService uploads;

    @Inject
    private TokenService tokens;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!request.getMethod().equals("POST")) {
            Problem.of(405, "Method not allowed on " + path, null, path).writeTo(response, true, Map.of("Allow", "POST"));
            return;
        }
        try (TemporaryFiles temporary = new TemporaryFiles()) {
            Caller caller = caller(request);
            String type = request.getContentType();
            if (type == null || !type.startsWith("multipart/form-data")) {
                throw DomainException.invalid("An upload is a multipart/form-data request");
            }
            Map<String, Part> files = new HashMap<>();
            Map<String, List<String>> fields = DraftFields.fromParts(parts(request, path), files);
            Part video = files.get("videofile");
            if (video == null || video.getSize() == 0) {
                throw DomainException.invalid("videofile is required");
            }
            Path videoFile = temporary.copy("videofile", video.getInputStream(), Long.MAX_VALUE);
            Path thumbnail = image(files.get("thumbnailfile"), temporary);
            Path preview = image(files.get("previewfile"), temporary);
            Video accepted = uploads.accept(caller, DraftFields.from(fields), videoFile, video.getSubmittedFileName(),
                    thumbnail, preview);
            response.setStatus(200);
            response.setContentType("application/json");
            JsonMapper.mapper().writeValue(response.getOutputStream(), UploadResource.created(accepted));
        } catch (RuntimeException e) {
            ProblemMapper.problemFor(e, path).writeTo(response, true);
        }
    }

    private Caller caller(HttpServletRequest request) {
        return BearerTokenFilter.callerOf(request.getHeader("Authorization"), tokens)
                .orElseThrow(() -> DomainException.unauthenticated("Authentication is required: send an OAuth bearer token", null));
    }

    /** The form's parts; whatever keeps the container from reading them is the request's fault. */
    private static Collection<Part> parts(HttpServletRequest request, String path) throws IOException {
        try {
            return request.getParts();
        } catch (ServletException | IOException | RuntimeException e) {
            if (ProblemMapper.isTooLarge(e)) {
                throw new DomainException(DomainException.Kind.TOO_LARGE, "The upload is larger than this instance accepts");
            }
            LOG.fine(() -> "Unreadable multipart form on " + path + ": " + e);
            throw DomainException.invalid("The request is not a valid multipart form");
        }
    }

    private static Path image(Part part, TemporaryFiles temporary) throws IOException {
        return part == null ? null : temporary.copy(part.getName(), part.getInputStream(), RequestLimits.IMAGE);
    }
}
