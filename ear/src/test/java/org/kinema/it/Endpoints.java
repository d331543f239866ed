package org.kinema.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.kinema.api.KinemaApi;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Every endpoint of the web module, read from its classes (the WAR's classes jar on the test
 * class path): each JAX-RS resource method with its path, query (its own, or its bean's) and form parameters, what it
 * consumes and the type of its body; each servlet and WebSocket path. Nothing is listed by hand,
 * so a new endpoint is tested the day it is written.
 */
final class Endpoints {

    /** One way in: a method on a path template ({@code {id}} for each path parameter). */
    record Endpoint(String method, String path, List<String> queryParams, List<String> formParams,
                    List<String> consumes, Class<?> bodyType) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The methods sent to servlets, which may take any: the usual ones, and one nobody implements. */
    static final List<String> SERVLET_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "QUERY");

    private Endpoints() {
    }

    static List<Endpoint> all() throws IOException {
        List<Class<?>> classes = webClasses();
        String api = classes.stream().map(type -> type.getAnnotation(ApplicationPath.class)).filter(path -> path != null)
                .map(ApplicationPath::value).findFirst().orElseThrow(() -> new AssertionError("no JAX-RS application"));
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes) {
            Path resource = type.getAnnotation(Path.class);
            if (resource != null) {
                for (Method method : type.getMethods()) {
                    httpMethod(method).ifPresent(verb -> endpoints.add(endpoint(api, resource, method, verb)));
                }
            }
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null) {
                Stream.concat(Arrays.stream(servlet.value()), Arrays.stream(servlet.urlPatterns())).forEach(pattern ->
                        SERVLET_METHODS.forEach(verb -> endpoints.add(new Endpoint(verb, servletPath(pattern), List.of(),
                                List.of(), List.of(), null))));
            }
            ServerEndpoint socket = type.getAnnotation(ServerEndpoint.class);
            if (socket != null) {
                endpoints.add(new Endpoint("GET", socket.value(), List.of(), List.of(), List.of(), null));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    private static Endpoint endpoint(String api, Path resource, Method method, String verb) {
        Path sub = method.getAnnotation(Path.class);
        String path = "/" + String.join("/", Stream.of(api, resource.value(), sub == null ? "" : sub.value())
                .map(part -> part.replaceAll("^/+|/+$", "")).filter(part -> !part.isEmpty()).toList());
        List<String> query = new ArrayList<>();
        List<String> form = new ArrayList<>();
        Class<?> body = null;
        for (Parameter parameter : method.getParameters()) {
            QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
            FormParam formParam = parameter.getAnnotation(FormParam.class);
            if (queryParam != null) {
                query.add(queryParam.value());
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                Arrays.stream(parameter.getType().getDeclaredFields()).map(field -> field.getAnnotation(QueryParam.class))
                        .filter(param -> param != null).forEach(param -> query.add(param.value()));
            } else if (formParam != null) {
                form.add(formParam.value());
            } else if (Arrays.stream(parameter.getAnnotations()).noneMatch(Endpoints::isJaxRsParameter)) {
                body = parameter.getType();
            }
        }
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : method.getDeclaringClass().getAnnotation(Consumes.class);
        return new Endpoint(verb, path.replaceAll("\\{([^}:]+)(:[^}]*)?}", "{$1}"), query, form,
                consumes == null ? List.of() : List.of(consumes.value()), body);
    }

    private static boolean isJaxRsParameter(Annotation annotation) {
        return annotation instanceof Context || annotation.annotationType().getPackageName().equals("jakarta.ws.rs");
    }

    private static java.util.Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(verb -> verb != null).map(HttpMethod::value).findFirst();
    }

    /** A servlet's URL pattern as a path: {@code /static/*} → {@code /static/{rest}}, {@code ""} → {@code /}. */
    private static String servletPath(String pattern) {
        if (pattern.isEmpty()) {
            return "/";
        }
        return pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) + "{rest}" : pattern;
    }

    /** Every class of the web module, from the jar (or folder) holding its JAX-RS application. */
    private static List<Class<?>> webClasses() throws IOException {
        java.nio.file.Path location;
        try {
            location = Paths.get(KinemaApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<java.nio.file.Path> files = Files.walk(location)) {
                files.map(file -> location.relativize(file).toString()).forEach(names::add);
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                jar.stream().map(java.util.zip.ZipEntry::getName).forEach(names::add);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.contains("$") && !name.endsWith("package-info.class")) {
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.');
                try {
                    classes.add(Class.forName(className, false, Endpoints.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IOException("Cannot read " + className, e);
                }
            }
        }
        return classes;
    }
}
