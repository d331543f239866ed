package org.kinema.video;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.kinema.account.Caller;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

import java.util.List;

/** The owner reads and changes the passwords of a password-protected video. */
@Stateless
public class VideoPasswordService {

    @Inject
    private VideoService videos;

    @Inject
    private VideoPasswordRepository passwords;

    public PageResult<VideoPassword> list(Caller caller, String idOrUuid, Page page) {
        return passwords.page(protectedVideo(caller, idOrUuid), page);
    }

    public void replace(Caller caller, String idOrUuid, List<String> newPasswords) {
        Video video = protectedVideo(caller, idOrUuid);
        passwords.replace(video, VideoPassword.of(video, newPasswords));
    }

    /** Removes one password; the last one stays (a protected video without a password would be nobody's). */
    public void remove(Caller caller, String idOrUuid, long passwordId) {
        Video video = protectedVideo(caller, idOrUuid);
        VideoPassword password = passwords.find(video, passwordId)
                .orElseThrow(() -> DomainException.notFound("Video password not found"));
        if (passwords.count(video) <= 1) {
            throw DomainException.forbidden("Cannot delete the last password of the protected video");
        }
        passwords.remove(password);
    }

    private Video protectedVideo(Caller caller, String idOrUuid) {
        Video video = videos.managed(caller, idOrUuid);
        if (video.privacy() != Privacy.PASSWORD_PROTECTED) {
            throw DomainException.invalid("Video is not password protected");
        }
        return video;
    }
}
