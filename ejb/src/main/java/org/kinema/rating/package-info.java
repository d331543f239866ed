/**
 * Ratings: an account likes or dislikes a video, one rating per account and video, each with the
 * absolute URL that names it in ActivityPub ({@code {account}/likes/{videoId}}), local and remote
 * alike. Asks the video feature who may see a video; the video's counts follow the ratings in the
 * database. Announces changes with CDI events; knows nothing of HTTP.
 */
package org.kinema.rating;
