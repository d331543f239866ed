package org.kinema.activitypub;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The shared inbox, {@code /inbox}: one delivery for every actor of this instance it concerns. */
@WebServlet("/inbox")
public class InboxServlet extends HttpServlet {

    @Inject
    private InboxReceiver inbox;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        inbox.receive(request, response);
    }
}
