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
import org.kinema.auth.TokenService;
import org.kinema.platform.DomainException;
import org.kinema.video.UploadService;
import org.kinema.video.Video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/videos/upload}: PeerTube's one-request upload, a multipart form with the
 * file in {@code videofile}. A servlet of its own (this exact path wins over the API's), because
 * the container spools multi-GB parts to disk only for servlets declaring a multipart config.
 */
@WebServlet("/api/v1/videos/upload")
@MultipartConfig(fileSizeThreshold = 1024 * 1024)
public class VideoUploadServlet extends HttpServlet {

    @Inject
    private UploadService uploads;

    @Inject
    private TokenService tokens;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = "/videos/upload";
        List<Path> temporary = new ArrayList<>();
        if (!request.getMethod().equals("POST")) {
            Problem.of(405, "Method not allowed on " + path, null, path).writeTo(response, true);
            return;
        }
        try {
            Caller caller = caller(request);
            String type = request.getContentType();
            if (type == null || !type.startsWith("multipart/form-data")) {
                throw DomainException.invalid("An upload is a multipart/form-data request");
            }
            Map<String, Part> files = new HashMap<>();
            Map<String, List<String>> fields = DraftFields.fromParts(request.getParts(), files);
            Part video = files.get("videofile");
            if (video == null || video.getSize() == 0) {
                throw DomainException.invalid("videofile is required");
            }
            Path videoFile = save(video, temporary);
            Path thumbnail = files.containsKey("thumbnailfile") ? save(files.get("thumbnailfile"), temporary) : null;
            Path preview = files.containsKey("previewfile") ? save(files.get("previewfile"), temporary) : null;
            Video accepted = uploads.accept(caller, DraftFields.from(fields), videoFile, video.getSubmittedFileName(),
                    thumbnail, preview);
            response.setStatus(200);
            response.setContentType("application/json");
            JsonMapper.mapper().writeValue(response.getOutputStream(), UploadResource.created(accepted));
        } catch (ServletException | IllegalStateException e) {
            ProblemMapper.problemFor(DomainException.invalid("The request is not a valid multipart form"), path)
                    .writeTo(response, true);
        } catch (RuntimeException e) {
            ProblemMapper.problemFor(e, path).writeTo(response, true);
        } finally {
            for (Path file : temporary) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Caller caller(HttpServletRequest request) {
        return BearerTokenFilter.callerOf(request.getHeader("Authorization"), tokens)
                .orElseThrow(() -> DomainException.unauthenticated("Authentication is required: send an OAuth bearer token", null));
    }

    private static Path save(Part part, List<Path> temporary) throws IOException {
        Path file = Files.createTempFile("kinema-upload-", ".part");
        temporary.add(file);
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
