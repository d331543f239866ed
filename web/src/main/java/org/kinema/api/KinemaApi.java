package org.kinema.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** PeerTube's REST API, version 1. */
@ApplicationPath("/api/v1")
public class KinemaApi extends Application {
}
