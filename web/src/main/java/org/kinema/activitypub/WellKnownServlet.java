package org.kinema.activitypub;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorType;
import org.kinema.api.config.BuildInfo;
import org.kinema.federation.FederationService;
import org.kinema.instance.InstanceService;
import org.kinema.instance.InstanceSettings;
import org.kinema.platform.KinemaSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Discovery: WebFinger for accounts, channels and the instance's actor ({@code acct:name@host}
 * or the actor's URL), NodeInfo 2.0 and host-meta.
 */
@WebServlet(urlPatterns = {"/.well-known/webfinger", "/.well-known/nodeinfo", "/.well-known/host-meta", "/nodeinfo/2.0.json"})
public class WellKnownServlet extends HttpServlet {

    private static final String JSON = "application/json; charset=utf-8";
    private static final String NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.0";

    @Inject
    private FederationService federation;

    @Inject
    private InstanceService instance;

    @Inject
    private KinemaSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/.well-known/webfinger" -> webFinger(request, response);
            case "/.well-known/nodeinfo" -> ActivityStreams.write(response, JSON, new NodeInfoJson.Links(List.of(
                    new NodeInfoJson.Link(NODEINFO_SCHEMA, settings.publicUrl() + "/nodeinfo/2.0.json"),
                    new NodeInfoJson.Link("https://www.w3.org/ns/activitystreams#Application",
                            settings.publicUrl() + "/accounts/peertube"))));
            case "/nodeinfo/2.0.json" -> nodeInfo(response);
            default -> hostMeta(response);
        }
    }

    private void webFinger(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String resource = request.getParameter("resource");
        if (resource == null || resource.isBlank() || resource.length() > 2000) {
            ActivityStreams.refuse(request, response, 400, "The resource parameter names an acct: or an actor's URL");
            return;
        }
        Optional<Actor> actor = resolve(resource.trim());
        if (actor.isEmpty()) {
            ActivityStreams.refuse(request, response, 404, "Actor not found");
            return;
        }
        String url = actor.get().url();
        ActivityStreams.write(response, JSON, new WebFingerJson("acct:" + actor.get().preferredUsername() + "@" + settings.host(),
                List.of(url), List.of(
                        new WebFingerJson.Link("self", "application/activity+json", url, null),
                        new WebFingerJson.Link("http://ostatus.org/schema/1.0/subscribe", null, null,
                                settings.publicUrl() + "/remote-interaction?uri={uri}"))));
    }

    /** The local actor a resource names: {@code acct:name@host} of this host, or the actor's own URL. */
    private Optional<Actor> resolve(String resource) {
        String publicUrl = settings.publicUrl();
        if (resource.startsWith(publicUrl + "/")) {
            String path = resource.substring(publicUrl.length());
            boolean account = path.startsWith("/accounts/");
            boolean channel = path.startsWith("/video-channels/");
            if (!account && !channel) {
                return Optional.empty();
            }
            String name = path.substring(path.indexOf('/', 1) + 1);
            return federation.findLocal(name).filter(found -> found.url().equals(resource))
                    .filter(found -> channel == (found.type() == ActorType.Group));
        }
        String acct = resource.startsWith("acct:") ? resource.substring(5) : resource;
        int at = acct.lastIndexOf('@');
        if (at <= 0 || !acct.substring(at + 1).toLowerCase(Locale.ROOT).equals(settings.host().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return federation.findLocal(acct.substring(0, at));
    }

    private void nodeInfo(HttpServletResponse response) throws IOException {
        InstanceSettings instanceSettings = instance.settings();
        FederationService.Usage usage = federation.usage();
        response.setHeader("Cache-Control", "max-age=600");
        ActivityStreams.write(response, JSON + "; profile=\"" + NODEINFO_SCHEMA + "#\"", new NodeInfoJson("2.0",
                new NodeInfoJson.Software("kinema", BuildInfo.version()), List.of("activitypub"),
                new NodeInfoJson.Services(List.of(), List.of("atom1.0", "rss2.0")), instanceSettings.signupEnabled(),
                new NodeInfoJson.Usage(new NodeInfoJson.Users(usage.users()), usage.localPosts()),
                new NodeInfoJson.Metadata(new NodeInfoJson.Taxonomy("Videos"), instanceSettings.name(),
                        instanceSettings.shortDescription())));
    }

    private void hostMeta(HttpServletResponse response) throws IOException {
        String xrd = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
                + "  <Link rel=\"lrdd\" type=\"application/xrd+xml\" template=\"" + settings.publicUrl()
                + "/.well-known/webfinger?resource={uri}\"/>\n"
                + "</XRD>\n";
        byte[] body = xrd.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/xrd+xml; charset=utf-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
