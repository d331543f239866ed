package org.kinema.federation;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.kinema.actor.Actor;

/** The activities this instance sends, shaped as PeerTube shapes them. */
final class Activities {

    static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private Activities() {
    }

    static JsonArray context() {
        return Json.createArrayBuilder().add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1").build();
    }

    /** The context of an activity that carries a number of views, in PeerTube's term for them. */
    static JsonArray contextWithViews() {
        return Json.createArrayBuilder(context()).add(Json.createObjectBuilder()
                .add("pt", "https://joinpeertube.org/ns#").add("sc", "http://schema.org/")
                .add("views", Json.createObjectBuilder().add("@type", "sc:Number").add("@id", "pt:views"))).build();
    }

    /** An activity embedded in another, without its own context. */
    static JsonObject withoutContext(JsonObject activity) {
        JsonObjectBuilder copy = Json.createObjectBuilder(activity);
        copy.remove("@context");
        copy.remove("signature");
        return copy.build();
    }

    static JsonObject follow(String id, Actor follower, Actor followed) {
        return Json.createObjectBuilder().add("type", "Follow").add("id", id).add("actor", follower.url())
                .add("object", followed.url()).build();
    }

    static JsonObject withContext(JsonObject activity) {
        return Json.createObjectBuilder().add("@context", context()).addAll(Json.createObjectBuilder(activity)).build();
    }

    /** Undo of an activity this actor did, PeerTube's way: the undo's id is the activity's id + "/undo". */
    static JsonObject undo(Actor actor, JsonObject activity) {
        return Json.createObjectBuilder().add("@context", context())
                .add("to", Json.createArrayBuilder().add(PUBLIC))
                .add("cc", Json.createArrayBuilder().add(followers(actor)))
                .add("type", "Undo").add("id", activity.getString("id") + "/undo").add("actor", actor.url())
                .add("object", activity).build();
    }

    static String followers(Actor actor) {
        return actor.endpoints() != null && actor.endpoints().followers() != null ? actor.endpoints().followers()
                : actor.url() + "/followers";
    }

    /** Where a remote actor takes activities: its shared inbox when it has one. */
    static String inboxOf(Actor actor) {
        Actor.Endpoints endpoints = actor.endpoints();
        return endpoints.sharedInbox() != null ? endpoints.sharedInbox() : endpoints.inbox();
    }
}
