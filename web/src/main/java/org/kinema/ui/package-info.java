/**
 * The single-page web client's entry points: answers the client's own routes with its HTML shell
 * and gives the static files of the client sensible caching headers. It knows nothing of the
 * domain; the client itself only talks to the REST API.
 */
package org.kinema.ui;
