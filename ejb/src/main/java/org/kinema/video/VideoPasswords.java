package org.kinema.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The passwords of a video as its privacy requires them: a password-protected video always has at
 * least one (the ones its owner gives, or those it had), any other video none.
 */
@ApplicationScoped
public class VideoPasswords {

    @Inject
    private VideoPasswordRepository passwords;

    /** After the video's privacy was set: takes the passwords given (null when none were), or drops them all. */
    public void protect(Video video, List<String> given) {
        if (video.privacy() != Privacy.PASSWORD_PROTECTED) {
            passwords.removeAll(video);
        } else if (given != null || passwords.count(video) == 0) {
            passwords.replace(video, VideoPassword.of(video, given));
        }
    }

    /** Whether the password opens the video. */
    public boolean open(Video video, String password) {
        return password != null && passwords.of(video).stream().anyMatch(known -> known.opens(password));
    }
}
